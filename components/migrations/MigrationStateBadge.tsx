"use client";
// A migration's state as a badge ("Pending approval", "Done"); the text, not the colour, carries the meaning.
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
import { STATE_VARIANT, isActiveState, type MigrationState } from "./migration-states";

export function MigrationStateBadge({ state }: { state: MigrationState }) {
  const t = useTranslations("migrations");
  return (
    <Badge variant={STATE_VARIANT[state]} dot={isActiveState(state)} data-state={state}>
      {t(`states.${state}`)}
    </Badge>
  );
}
