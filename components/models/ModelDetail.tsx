"use client";
// One model: what it is, its versions (artifact, checksum, size, runtime, golden set); add a version, delete.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { useConfirmedMutation } from "@/components/mutations/useConfirmedMutation";
import { CopyButton } from "@/components/ui/CopyButton";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { Table } from "@/components/ui/Table";
import { TBody } from "@/components/ui/TBody";
import { Td } from "@/components/ui/Td";
import { Th } from "@/components/ui/Th";
import { THead } from "@/components/ui/THead";
import { Tr } from "@/components/ui/Tr";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { AddVersionDialog } from "./AddVersionDialog";
import { useFormatBytes } from "./useFormatBytes";

export function ModelDetail({ id }: { id: string }) {
  const t = useTranslations("models");
  const format = useFormatter();
  const formatBytes = useFormatBytes();
  const trpc = useTRPC();
  const router = useRouter();
  const { can } = useCurrentTeam();
  const [adding, setAdding] = useState(false);
  const query = useQuery(trpc.model.get.queryOptions({ id }));
  const del = useConfirmedMutation({
    mutation: trpc.model.delete.mutationOptions(),
    variables: (model: { id: string; name: string }) => ({ id: model.id }),
    confirm: (model) => ({
      title: t("deleteTitle", { name: model.name }),
      description: t("deleteDescription"),
      confirmLabel: t("deleteModel"),
    }),
    success: (model) => t("deletedToast", { name: model.name }),
    invalidate: [trpc.model.list.queryKey()],
    after: () => router.push("/models"),
  });

  if (query.isLoading) return <Skeleton className="h-64 w-full" />;
  if (query.error) return <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />;
  const m = query.data;
  if (!m) return null;
  const details: [string, ReactNode][] = [
    [t("task"), m.task],
    [t("framework"), m.framework],
    [t("versions"), m.versions.length],
    [t("created"), format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })],
  ];
  const addButton = can("OPERATOR") ? (
    <Button variant="primary" onClick={() => setAdding(true)}>
      {t("addVersion")}
    </Button>
  ) : undefined;

  return (
    <div className="space-y-6">
      <Link href="/models" className="text-sm text-primary hover:underline">
        <span aria-hidden="true">← </span>
        {t("allModels")}
      </Link>
      <PageHeader
        title={m.name}
        description={m.description || t("noDescription")}
        actions={
          can("OPERATOR") ? (
            <>
              {addButton}
              <Button variant="danger" onClick={() => del.ask(m)}>
                {t("deleteModel")}
              </Button>
            </>
          ) : null
        }
      />
      <Card title={t("details")}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
          {details.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-sm text-muted-foreground">{k}</dt>
              <dd className="text-sm">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title={t("versions")} description={t("versionsDescription")} flush={m.versions.length > 0}>
        {m.versions.length === 0 ? (
          <EmptyState title={t("noVersionsTitle")} description={t("noVersionsDescription")} action={addButton} />
        ) : (
          <Table caption={t("versions")} framed={false}>
            <THead>
              <Tr>
                <Th>{t("version")}</Th>
                <Th>{t("format")}</Th>
                <Th>{t("artifactUri")}</Th>
                <Th>{t("sha256")}</Th>
                <Th align="right">{t("size")}</Th>
                <Th>{t("runtimeImage")}</Th>
                <Th align="right">{t("goldenCases")}</Th>
                <Th>{t("created")}</Th>
              </Tr>
            </THead>
            <TBody>
              {m.versions.map((v) => (
                <Tr key={v.id}>
                  <Td className="font-medium">{v.version}</Td>
                  <Td>
                    <Badge>{t(`formats.${v.format}`)}</Badge>
                  </Td>
                  <Td className="max-w-64">
                    <code className="block truncate text-xs" title={v.artifactUri}>
                      {v.artifactUri}
                    </code>
                  </Td>
                  <Td className="whitespace-nowrap">
                    <code className="text-xs" title={v.sha256}>
                      {v.sha256.slice(0, 12)}…
                    </code>
                    <CopyButton value={v.sha256} label={t("copySha", { version: v.version })} />
                  </Td>
                  <Td
                    align="right"
                    className="whitespace-nowrap tabular-nums"
                    title={format.number(v.sizeBytes, { style: "unit", unit: "byte", unitDisplay: "long" })}
                  >
                    {formatBytes(v.sizeBytes)}
                  </Td>
                  <Td className="max-w-64">
                    <code className="block truncate text-xs" title={v.runtimeImage}>
                      {v.runtimeImage}
                    </code>
                  </Td>
                  <Td align="right" className="tabular-nums">
                    {v.goldenCases}
                  </Td>
                  <Td className="whitespace-nowrap">{format.dateTime(v.createdAt, { dateStyle: "medium" })}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      <AddVersionDialog open={adding} model={m} onClose={() => setAdding(false)} />
      {del.dialog}
    </div>
  );
}
