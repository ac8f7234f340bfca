"use client";
// Models: searchable and sortable, with their version count and newest version; add for operators.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/PageHeader";
import { SearchInput } from "@/components/ui/SearchInput";
import { SortableTh } from "@/components/ui/SortableTh";
import { Table } from "@/components/ui/Table";
import { TBody } from "@/components/ui/TBody";
import { Td } from "@/components/ui/Td";
import { Th } from "@/components/ui/Th";
import { THead } from "@/components/ui/THead";
import { Tr } from "@/components/ui/Tr";
import { ListFrame } from "@/components/tables/ListFrame";
import { useListState } from "@/components/tables/useListState";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { CreateModelDialog } from "./CreateModelDialog";

const SORTS = ["name", "task", "createdAt"] as const;
const PAGE_SIZE = 50;

export function ModelsPage() {
  const t = useTranslations("models");
  const format = useFormatter();
  const trpc = useTRPC();
  const { can } = useCurrentTeam();
  const list = useListState({ sorts: SORTS, defaultSort: "name" });
  const [adding, setAdding] = useState(false);

  const query = useQuery({
    ...trpc.model.list.queryOptions({
      page: list.page,
      pageSize: PAGE_SIZE,
      sort: list.sort,
      dir: list.dir,
      q: list.q,
    }),
    placeholderData: keepPreviousData,
  });
  const addButton = can("OPERATOR") ? (
    <Button variant="primary" onClick={() => setAdding(true)}>
      {t("add")}
    </Button>
  ) : undefined;

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} actions={addButton} />
      <div className="flex flex-wrap items-end gap-3">
        <SearchInput
          label={t("searchLabel")}
          value={list.q}
          onChange={list.setQuery}
          placeholder={t("searchPlaceholder")}
        />
      </div>
      <ListFrame
        isLoading={query.isLoading}
        error={query.error}
        onRetry={() => void query.refetch()}
        total={query.data?.total ?? 0}
        page={list.page}
        pageSize={PAGE_SIZE}
        onPageChange={list.setPage}
        filtered={Boolean(list.q)}
        empty={{ title: t("emptyTitle"), description: t("emptyDescription"), action: addButton }}
      >
        <Table caption={t("title")}>
          <THead>
            <Tr>
              <SortableTh direction={list.sortDirection("name")} onSort={(d) => list.setSort("name", d)}>
                {t("name")}
              </SortableTh>
              <SortableTh direction={list.sortDirection("task")} onSort={(d) => list.setSort("task", d)}>
                {t("task")}
              </SortableTh>
              <Th>{t("framework")}</Th>
              <Th align="right">{t("versions")}</Th>
              <Th>{t("latestVersion")}</Th>
              <SortableTh direction={list.sortDirection("createdAt")} onSort={(d) => list.setSort("createdAt", d)}>
                {t("created")}
              </SortableTh>
            </Tr>
          </THead>
          <TBody>
            {query.data?.items.map((m) => (
              <Tr key={m.id}>
                <Td className="font-medium">
                  <Link href={`/models/${m.id}`} className="text-primary hover:underline">
                    {m.name}
                  </Link>
                </Td>
                <Td>{m.task}</Td>
                <Td>{m.framework}</Td>
                <Td align="right" className="tabular-nums">
                  {m.versionCount}
                </Td>
                <Td>
                  {m.latestVersion ? (
                    <Badge variant="info">{m.latestVersion}</Badge>
                  ) : (
                    <span className="text-muted-foreground">{t("none")}</span>
                  )}
                </Td>
                <Td className="whitespace-nowrap">{format.dateTime(m.createdAt, { dateStyle: "medium" })}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </ListFrame>
      <CreateModelDialog open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
