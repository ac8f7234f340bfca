// Which model a Deployment serves, for metric labels: the tern.dev/model label, else MODEL_NAME, else the
// model name in a MODEL_URI of the form …/models/<name>/<version>/…, else "".
import type { KubeObject } from "../store/object-store";
import { asObj, containersOf, containerSetting, MODEL_LABEL } from "../fleet/k8s-objects";

export function modelOfDeployment(d: KubeObject): string {
  const template = asObj(d.spec?.template);
  const templateLabels = (asObj(asObj(template?.metadata)?.labels) ?? {}) as Record<string, string>;
  const fromLabels = d.metadata.labels?.[MODEL_LABEL] ?? templateLabels[MODEL_LABEL];
  if (fromLabels) return fromLabels;
  for (const c of containersOf(asObj(template?.spec))) {
    const name = containerSetting(c, "MODEL_NAME", "model-name");
    if (name) return name;
    const uri = containerSetting(c, "MODEL_URI", "model-uri");
    const m = uri ? /\/models\/([^/]+)\//.exec(uri) : null;
    if (m?.[1]) return m[1];
  }
  return "";
}
