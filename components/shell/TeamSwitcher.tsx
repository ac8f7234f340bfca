"use client";
// Chooses the team whose inventory is shown: a labelled native select, plus the user's role there.
// The caller switches (e.g. a server action that sets the active team); the select shows the
// choice at once and is disabled until onSwitch settles.
import { useId, useOptimistic, useTransition } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/Select";
import type { Role } from "@/server/domain/values";

export type TeamRole = Role;

export type TeamSwitcherProps = {
  teams: readonly { id: string; name: string; role: TeamRole }[];
  currentTeamId: string;
  onSwitch: (teamId: string) => void | Promise<void>;
  className?: string;
};

export function TeamSwitcher({ teams, currentTeamId, onSwitch, className }: TeamSwitcherProps) {
  const t = useTranslations("nav");
  const tShell = useTranslations("shell");
  const id = useId();
  const [selectedId, setSelectedId] = useOptimistic(currentTeamId);
  const [pending, startTransition] = useTransition();
  const current = teams.find((team) => team.id === selectedId) ?? teams.find((team) => team.id === currentTeamId);
  const role = current ? tShell("yourRole", { role: tShell(`roles.${current.role}`) }) : null;

  if (teams.length <= 1) {
    return (
      <div className={cn("rounded-md border border-border px-3 py-2", className)}>
        <p className="text-xs text-muted-foreground">{t("team")}</p>
        <p className="truncate text-sm font-medium text-foreground">{current?.name}</p>
        {role && <p className="text-xs text-muted-foreground">{role}</p>}
      </div>
    );
  }

  return (
    <div className={cn("grid gap-1", className)}>
      <label htmlFor={id} className="sr-only">
        {t("team")}
      </label>
      <Select
        id={id}
        value={selectedId}
        disabled={pending}
        aria-describedby={role ? `${id}-role` : undefined}
        onChange={(event) => {
          const teamId = event.target.value;
          startTransition(async () => {
            setSelectedId(teamId);
            await onSwitch(teamId);
          });
        }}
        className="font-medium"
      >
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </Select>
      {role && (
        <p id={`${id}-role`} className="px-1 text-xs text-muted-foreground">
          {role}
        </p>
      )}
    </div>
  );
}
