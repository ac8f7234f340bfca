// Lists a pasted kubeconfig's contexts for the import form's context picker (no secrets leave).
import { extractCredentials, KubeconfigError, listContexts } from "../../clusters/kubeconfig";
import { AppError } from "../../errors";

export function inspectKubeconfig(text: string) {
  try {
    const { contexts, currentContext } = listContexts(text);
    if (contexts.length === 0)
      throw new AppError(
        "UNPROCESSABLE_CONTENT",
        "the kubeconfig has no contexts; export one with `kubectl config view --raw --flatten --minify`",
        "kubeconfig",
      );
    return {
      currentContext: currentContext ?? null,
      contexts: contexts.map((c) => ({
        name: c.name,
        cluster: c.cluster,
        server: c.server,
        namespace: c.namespace ?? null,
        problem: problemOf(text, c.name),
      })),
    };
  } catch (e) {
    if (e instanceof KubeconfigError) throw new AppError("UNPROCESSABLE_CONTENT", e.message, "kubeconfig");
    throw e;
  }
}

/** Why importing this context would be refused (checked now, so the form can say so before submit). */
function problemOf(text: string, context: string): string | null {
  try {
    extractCredentials(text, context);
    return null;
  } catch (e) {
    if (e instanceof KubeconfigError) return e.message;
    throw e;
  }
}
