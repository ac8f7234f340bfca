"use client";
// The team's embed links: which chart, who made it, when it expires and was last viewed; operators revoke.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useConfirmedMutation } from "@/components/mutations/useConfirmedMutation";
import { ListPage } from "@/components/tables/ListPage";
import { defineList } from "@/components/tables/list-definition";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { EMBED_STATUSES, type EmbedLinkDto } from "@/server/validation/embed";
import { rangeKey } from "./embed-labels";
import { EmbedOriginsCard } from "./EmbedOriginsCard";
import { EmbedStatusBadge } from "./EmbedStatusBadge";

const list = defineList({
  sorts: ["createdAt", "expiresAt", "lastUsedAt", "title"],
  defaultSort: "createdAt",
  defaultDir: "desc",
  filters: { status: EMBED_STATUSES },
});

export function EmbedLinksPage() {
  const t = useTranslations("embeds");
  const format = useFormatter();
  const trpc = useTRPC();
  const { can } = useCurrentTeam();
  const revoke = useConfirmedMutation({
    mutation: trpc.embed.revoke.mutationOptions(),
    variables: (l: EmbedLinkDto) => ({ id: l.id }),
    confirm: (l) => ({
      title: t("revokeTitle", { title: l.title }),
      description: t("revokeDescription"),
      confirmLabel: t("revokeConfirm"),
    }),
    success: () => t("revokedToast"),
    invalidate: [trpc.embed.list.queryKey()],
  });
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const full = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const summary = (l: EmbedLinkDto) => {
    const metric = t(`metrics.${l.metric}`);
    const range = t(`ranges.${rangeKey(l.rangeMinutes)}`);
    return l.live ? t("liveSummary", { metric, range }) : t("fixedSummary", { metric, range, date: full(l.createdAt) });
  };
  const time = (d: Date) => (
    <time dateTime={d.toISOString()} title={full(d)}>
      {date(d)}
    </time>
  );

  return (
    <ListPage
      list={list}
      query={(input) => trpc.embed.list.queryOptions(input)}
      title={t("title")}
      description={t("description")}
      intro={can("ADMIN") && <EmbedOriginsCard />}
      search={{ label: t("searchLabel"), placeholder: t("searchPlaceholder") }}
      filters={{ status: { label: t("filterStatus"), all: t("allStatuses"), option: (s) => t(`statuses.${s}`) } }}
      empty={{ title: t("emptyTitle"), description: t("emptyDescription") }}
      columns={[
        {
          id: "title",
          header: t("chart"),
          sortable: true,
          cell: (l) => (
            <>
              <div className="font-medium">{l.title}</div>
              <div className="text-xs text-muted-foreground">{summary(l)}</div>
            </>
          ),
        },
        {
          id: "deployment",
          header: t("deployment"),
          cell: (l) => (
            <Link
              href={`/deployments/${l.deployment.id}`}
              className="text-primary hover:underline"
              title={`${l.deployment.namespace}/${l.deployment.name}`}
            >
              {l.deployment.name}
            </Link>
          ),
        },
        {
          id: "createdBy",
          header: t("createdBy"),
          cell: (l) => (l.createdBy ? l.createdBy.name || l.createdBy.email : t("formerMember")),
        },
        { id: "createdAt", header: t("created"), sortable: true, cell: (l) => time(l.createdAt) },
        { id: "expiresAt", header: t("expires"), sortable: true, cell: (l) => time(l.expiresAt) },
        {
          id: "lastUsedAt",
          header: t("lastUsed"),
          sortable: true,
          cell: (l) =>
            l.lastUsedAt ? (
              <time dateTime={l.lastUsedAt.toISOString()}>{format.relativeTime(l.lastUsedAt)}</time>
            ) : (
              t("never")
            ),
        },
        { id: "status", header: t("status"), cell: (l) => <EmbedStatusBadge status={l.status} /> },
      ]}
      rowActions={{
        items: [
          {
            label: t("revoke"),
            name: (l) => t("revokeNamed", { title: l.title }),
            visible: (l) => l.status === "active",
            onSelect: revoke.ask,
          },
        ],
      }}
    >
      {revoke.dialog}
    </ListPage>
  );
}
