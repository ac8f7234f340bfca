"use client";
// The what-if controls of /recommendations: horizon, move limit, unknown latency, a removed cluster, a price change, added capacity.
import { useTranslations } from "next-intl";
import type { SolveRecommendationsInput } from "@/server/validation/recommendations";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";

export type WhatIfState = {
  horizonMonths: number;
  maxMoves: string;
  allowUnknownLatency: boolean;
  removedClusterId: string;
  price: { clusterId: string; gpuType: string; pricePerGpuHour: string };
  capacity: { clusterId: string; gpuType: string; gpus: string };
};

export const initialWhatIf: WhatIfState = {
  horizonMonths: 6,
  maxMoves: "",
  allowUnknownLatency: false,
  removedClusterId: "",
  price: { clusterId: "", gpuType: "", pricePerGpuHour: "" },
  capacity: { clusterId: "", gpuType: "", gpus: "" },
};

/** The request the controls stand for; half-filled rows are left out. */
export function toSolveInput(s: WhatIfState): SolveRecommendationsInput {
  const price = Number(s.price.pricePerGpuHour);
  const gpus = Number(s.capacity.gpus);
  return {
    horizonMonths: s.horizonMonths,
    maxMoves: s.maxMoves === "" ? null : Math.max(0, Math.floor(Number(s.maxMoves))),
    allowUnknownLatency: s.allowUnknownLatency,
    whatIf: {
      removedClusterIds: s.removedClusterId ? [s.removedClusterId] : [],
      prices:
        s.price.clusterId && s.price.gpuType && s.price.pricePerGpuHour !== "" && price >= 0
          ? [{ clusterId: s.price.clusterId, gpuType: s.price.gpuType, pricePerGpuHour: price }]
          : [],
      addedCapacity:
        s.capacity.clusterId && s.capacity.gpuType && Number.isInteger(gpus) && gpus > 0
          ? [{ clusterId: s.capacity.clusterId, gpuType: s.capacity.gpuType, gpus }]
          : [],
    },
  };
}

type Cluster = { id: string; name: string; gpuTypes: string[] };

export function WhatIfControls({
  value,
  onChange,
  clusters,
}: {
  value: WhatIfState;
  onChange: (v: WhatIfState) => void;
  clusters: Cluster[];
}) {
  const t = useTranslations("recommendations");
  const clusterOptions = (
    <>
      <option value="">{t("none")}</option>
      {clusters.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </>
  );
  const typesOf = (id: string) => clusters.find((c) => c.id === id)?.gpuTypes ?? [];
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <legend className="mb-2 text-sm font-semibold">{t("whatIf")}</legend>
      <label className="space-y-1 text-sm">
        <span className="block">{t("horizon")}</span>
        <Input
          type="number"
          min={1}
          max={60}
          value={value.horizonMonths}
          onChange={(e) =>
            onChange({ ...value, horizonMonths: Math.min(60, Math.max(1, Number(e.target.value) || 1)) })
          }
        />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block">{t("maxMoves")}</span>
        <Input
          type="number"
          min={0}
          value={value.maxMoves}
          onChange={(e) => onChange({ ...value, maxMoves: e.target.value })}
        />
      </label>
      <label className="flex items-center gap-2 self-end text-sm">
        <input
          type="checkbox"
          checked={value.allowUnknownLatency}
          onChange={(e) => onChange({ ...value, allowUnknownLatency: e.target.checked })}
        />
        {t("allowUnknownLatency")}
      </label>
      <label className="space-y-1 text-sm">
        <span className="block">{t("excludeCluster")}</span>
        <Select
          value={value.removedClusterId}
          onChange={(e) => onChange({ ...value, removedClusterId: e.target.value })}
        >
          {clusterOptions}
        </Select>
      </label>
      <div className="space-y-1 text-sm">
        <span className="block">{t("priceChange")}</span>
        <div className="flex gap-2">
          <Select
            aria-label={`${t("priceChange")}: ${t("cluster")}`}
            value={value.price.clusterId}
            onChange={(e) =>
              onChange({
                ...value,
                price: { ...value.price, clusterId: e.target.value, gpuType: typesOf(e.target.value)[0] ?? "" },
              })
            }
          >
            {clusterOptions}
          </Select>
          <Select
            aria-label={`${t("priceChange")}: ${t("gpuType")}`}
            value={value.price.gpuType}
            onChange={(e) => onChange({ ...value, price: { ...value.price, gpuType: e.target.value } })}
          >
            {typesOf(value.price.clusterId).map((g) => (
              <option key={g}>{g}</option>
            ))}
          </Select>
          <Input
            aria-label={t("pricePerGpuHour")}
            placeholder={t("pricePerGpuHour")}
            type="number"
            min={0}
            step="0.01"
            value={value.price.pricePerGpuHour}
            onChange={(e) => onChange({ ...value, price: { ...value.price, pricePerGpuHour: e.target.value } })}
          />
        </div>
      </div>
      <div className="space-y-1 text-sm">
        <span className="block">{t("capacityAdded")}</span>
        <div className="flex gap-2">
          <Select
            aria-label={`${t("capacityAdded")}: ${t("cluster")}`}
            value={value.capacity.clusterId}
            onChange={(e) =>
              onChange({
                ...value,
                capacity: { ...value.capacity, clusterId: e.target.value, gpuType: typesOf(e.target.value)[0] ?? "" },
              })
            }
          >
            {clusterOptions}
          </Select>
          <Select
            aria-label={`${t("capacityAdded")}: ${t("gpuType")}`}
            value={value.capacity.gpuType}
            onChange={(e) => onChange({ ...value, capacity: { ...value.capacity, gpuType: e.target.value } })}
          >
            {typesOf(value.capacity.clusterId).map((g) => (
              <option key={g}>{g}</option>
            ))}
          </Select>
          <Input
            aria-label={t("gpus")}
            placeholder={t("gpus")}
            type="number"
            min={1}
            value={value.capacity.gpus}
            onChange={(e) => onChange({ ...value, capacity: { ...value.capacity, gpus: e.target.value } })}
          />
        </div>
      </div>
    </fieldset>
  );
}
