"use client";
// A cloud provider as a neutral badge with its display name ("Alibaba Cloud" for ALIYUN).
import { Badge } from "@/components/ui/Badge";
import type { Provider } from "@/server/domain/values";
import { useDomainLabels } from "./useDomainLabels";

export function ProviderBadge({ provider }: { provider: Provider }) {
  const label = useDomainLabels();
  return <Badge>{label.provider(provider)}</Badge>;
}
