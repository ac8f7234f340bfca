// Registers a cluster from a kubeconfig context or an API URL + token; credentials are encrypted at rest.
import type { Role } from "../../generated/prisma/enums";
import { roleAtLeast } from "../../auth/roles";
import { extractCredentials, credentialsFromToken, KubeconfigError } from "../../clusters/kubeconfig";
import { randomBytes } from "node:crypto";
import { encryptClusterCredentials, getEncryptionKey } from "../../crypto/credentials";
import { AppError, fromPrismaError } from "../../errors";
import type { ImportClusterRequest } from "../../validation/cluster";
import type { TeamScope } from "../context";
import { checkApiServerUrl, checkPrometheusUrl } from "./check-cluster-urls";
import { clusterSelect, toClusterDto } from "./cluster-select";

function readCredentials(input: ImportClusterRequest) {
  try {
    return input.source === "kubeconfig"
      ? extractCredentials(input.kubeconfig, input.context)
      : credentialsFromToken({
          apiServer: input.apiServer,
          token: input.token,
          certificateAuthorityData: input.certificateAuthorityData,
        });
  } catch (e) {
    if (e instanceof KubeconfigError) throw new AppError("UNPROCESSABLE_CONTENT", e.message, "kubeconfig");
    throw e;
  }
}

export async function importCluster(opts: TeamScope & { role: Role; input: ImportClusterRequest }) {
  const { input } = opts;
  const cloud = await opts.prisma.cloud.findFirst({
    where: { id: input.cloudId, teamId: opts.teamId },
    select: { id: true },
  });
  if (!cloud)
    throw new AppError(
      "NOT_FOUND",
      "the chosen cloud was not found in this team; pick a cloud from the list",
      "cloudId",
    );

  const extracted = readCredentials(input);
  // Before the insecure-TLS confirmation: no role or confirmation makes a metadata address acceptable.
  await checkApiServerUrl(extracted.apiServer, input.source === "kubeconfig" ? "kubeconfig" : "apiServer");
  await checkPrometheusUrl(input.prometheusUrl);
  if (extracted.tlsNeedsConfirmation) {
    if (!input.confirmInsecure) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `${extracted.apiServer} uses plain http or skips TLS verification on a non-local address; an admin must confirm this explicitly (tick "accept insecure connection"), or add the cluster's CA certificate instead`,
        "confirmInsecure",
      );
    }
    if (!roleAtLeast(opts.role, "ADMIN")) {
      throw new AppError(
        "FORBIDDEN",
        "only a team admin can accept an insecure cluster connection; ask an admin to import this cluster",
        "confirmInsecure",
      );
    }
  }
  const insecureTls = extracted.insecureSkipTlsVerify || extracted.apiServer.startsWith("http://");

  // The id is chosen here, not by the database, so the credentials can be sealed to it before the row exists.
  const id = `c${randomBytes(12).toString("hex")}`;
  try {
    const row = await opts.prisma.cluster.create({
      data: {
        id,
        teamId: opts.teamId,
        cloudId: cloud.id,
        name: input.name,
        region: input.region,
        apiServer: extracted.apiServer,
        credentialsCipher: encryptClusterCredentials(
          { ...extracted.credentials, insecureSkipTlsVerify: extracted.insecureSkipTlsVerify },
          getEncryptionKey(),
          id,
        ),
        insecureTls,
        insecureConfirmed: extracted.tlsNeedsConfirmation,
        prometheusUrl: input.prometheusUrl ?? null,
        residencyTags: [...new Set(input.residencyTags)],
      },
      select: clusterSelect,
    });
    return toClusterDto(row);
  } catch (e) {
    throw fromPrismaError(e, `a cluster named '${input.name}' already exists in this team; pick another name`) ?? e;
  }
}
