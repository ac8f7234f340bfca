// Refuses kubeconfig users whose credentials come from commands, plugins, other identities or local files.
import { fail, RAW_HINT, shown, STATIC_HINT } from "./kubeconfig-error";
import { isRec, isSet, type Rec } from "./parse-kubeconfig";

/** Fields that make client-go read a local file, and what to use instead. */
const FILE_FIELDS: Record<string, string> = {
  "certificate-authority": "use certificate-authority-data",
  "client-certificate": "use client-certificate-data",
  "client-key": "use client-key-data",
  tokenFile: "put the token itself in token; kubectl does not inline tokenFile",
};
const IMPERSONATION_FIELDS = ["as", "as-uid", "as-groups", "as-user-extra"];

/** Refuses users whose credentials come from commands, plugins, other identities or local files. */
export function refuseUnsafe(userName: string, user: Rec, clusterName: string, cluster: Rec): void {
  const who = `kubeconfig user '${shown(userName)}'`;
  const { exec } = user;
  if (isSet(exec)) {
    const command = isRec(exec) && typeof exec.command === "string" ? exec.command : "";
    // Only the program's base name: arguments and paths are not needed to explain the refusal.
    const program = shown(command.split(/[\\/]/).pop() ?? "") || "a plugin";
    fail(
      "EXEC_NOT_ALLOWED",
      `${who} runs a command (exec: ${program}) to get credentials; Tern does not run commands from kubeconfigs — ${STATIC_HINT}`,
    );
  }
  const provider = user["auth-provider"];
  if (isSet(provider)) {
    // Only the provider's name: its config holds refresh tokens and client secrets.
    const name = isRec(provider) && typeof provider.name === "string" ? shown(provider.name) : "unnamed";
    const config = isRec(provider) ? provider.config : undefined;
    const runs = isRec(config) && isSet(config["cmd-path"]) ? ", which runs a command" : "";
    fail(
      "AUTH_PROVIDER_NOT_ALLOWED",
      `${who} gets credentials from an auth-provider plugin (auth-provider: ${name}${runs}); Tern does not run auth-provider plugins or commands from kubeconfigs — ${STATIC_HINT}`,
    );
  }
  const impersonated = IMPERSONATION_FIELDS.filter((field) => isSet(user[field]));
  if (impersonated.length > 0) {
    // Ignoring `as` would silently act with the credentials' own, usually broader, identity.
    fail(
      "IMPERSONATION_NOT_ALLOWED",
      `${who} impersonates another identity (${impersonated.join(", ")}); Tern does not impersonate — paste credentials of the identity Tern should act as`,
    );
  }
  const files = [
    ...Object.entries(FILE_FIELDS)
      .filter(([field]) => isSet(user[field]))
      .map(([field, fix]) => `user '${shown(userName)}' ${field} (${fix})`),
    ...(isSet(cluster["certificate-authority"])
      ? [`cluster '${shown(clusterName)}' certificate-authority (${FILE_FIELDS["certificate-authority"]})`]
      : []),
  ];
  if (files.length > 0) {
    fail(
      "FILE_REFERENCE_NOT_ALLOWED",
      `kubeconfig reads local files: ${files.join("; ")}. Tern does not read files named in a kubeconfig; ${RAW_HINT} writes certificate files into the -data fields`,
    );
  }
}
