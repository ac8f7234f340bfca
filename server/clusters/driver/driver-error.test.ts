// Unit tests: client, network and Status failures become DriverErrors with clear messages and no bodies or secrets.
import { ApiException } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { DriverError, toDriverError, type ErrorContext } from "./driver-error";
import { parseStatus } from "./parse-status";

const API = "https://203.0.113.10:6443";
const ctx: ErrorContext = {
  apiServer: API,
  timeoutMs: 5000,
  resource: "deployment",
  name: "resnet",
  namespace: "ml",
  verb: "patch",
};

const status = (code: number, reason: string, message: string, details?: Record<string, unknown>) =>
  JSON.stringify({
    kind: "Status",
    apiVersion: "v1",
    status: "Failure",
    code,
    reason,
    message,
    ...(details ? { details } : {}),
  });

const apiError = (code: number, body: unknown) =>
  new ApiException(code, "Unknown API Status Code!", body, { authorization: "Bearer s3cr3t-token" });

function fetchFailed(cause: Record<string, unknown>): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error("connect failed"), cause) });
}

describe("toDriverError", () => {
  it("maps 404 to 'deployment x not found in namespace y'", () => {
    const body = status(404, "NotFound", 'deployments.apps "resnet" not found', {
      name: "resnet",
      group: "apps",
      kind: "deployments",
    });
    const e = toDriverError(apiError(404, body), ctx);
    expect(e).toBeInstanceOf(DriverError);
    expect(e.toJSON()).toEqual({
      kind: "not_found",
      status: 404,
      reason: "NotFound",
      message: "deployment resnet not found in namespace ml",
    });
  });

  it("names the namespace when it is the namespace that is missing", () => {
    const body = status(404, "NotFound", 'namespaces "ml" not found', { name: "ml", kind: "namespaces" });
    expect(toDriverError(apiError(404, body), ctx).message).toBe("namespace ml not found");
  });

  it("falls back to the call's context when the 404 body is not a Status", () => {
    expect(toDriverError(apiError(404, "<html>404</html>"), ctx).message).toBe(
      "deployment resnet not found in namespace ml",
    );
  });

  it("maps 409 AlreadyExists and field-manager conflicts, naming the manager", () => {
    const exists = status(409, "AlreadyExists", 'deployments.apps "resnet" already exists', {
      name: "resnet",
      group: "apps",
      kind: "deployments",
    });
    expect(toDriverError(apiError(409, exists), ctx).message).toBe("deployment resnet already exists in namespace ml");

    const conflict = status(409, "Conflict", "Apply failed with 1 conflict", {
      name: "resnet",
      kind: "deployments",
      causes: [
        {
          reason: "FieldManagerConflict",
          message: 'conflict with "kubectl-edit" using apps/v1',
          field: ".spec.replicas",
        },
      ],
    });
    const e = toDriverError(apiError(409, conflict), ctx);
    expect(e.kind).toBe("conflict");
    expect(e.message).toContain('field manager "kubectl-edit"');
    expect(e.message).toContain(".spec.replicas");
    expect(e.message).toContain("deployment resnet in namespace ml");

    const stale = status(
      409,
      "Conflict",
      "the object has been modified; please apply your changes to the latest version and try again",
    );
    expect(toDriverError(apiError(409, stale), ctx).message).toBe(
      "deployment resnet in namespace ml was changed by someone else while Tern was updating it; retry",
    );
  });

  it("maps 422 to the API's causes joined", () => {
    const body = status(422, "Invalid", 'Deployment.apps "resnet" is invalid: ...', {
      name: "resnet",
      group: "apps",
      kind: "Deployment",
      causes: [
        {
          reason: "FieldValueInvalid",
          message: "Invalid value: -1: must be greater than or equal to 0",
          field: "spec.replicas",
        },
        { reason: "FieldValueRequired", message: "Required value", field: "spec.template.spec.containers[0].image" },
      ],
    });
    const e = toDriverError(apiError(422, body), ctx);
    expect(e.kind).toBe("invalid");
    expect(e.status).toBe(422);
    expect(e.message).toBe(
      "deployment resnet in namespace ml is invalid: spec.replicas: must be greater than or equal to 0; spec.template.spec.containers[0].image: Required value",
    );
  });

  it("drops echoed values from causes, which may hold URLs with tokens", () => {
    const body = status(422, "Invalid", "x", {
      kind: "Deployment",
      causes: [
        {
          field: "spec.template.spec.containers[0].env[0].value",
          message: 'Invalid value: "s3://b/k?X-Amz-Signature=abc": must be no more than 63 characters',
        },
      ],
    });
    const e = toDriverError(apiError(422, body), ctx);
    expect(e.message).toBe(
      "deployment resnet in namespace ml is invalid: spec.template.spec.containers[0].env[0].value: must be no more than 63 characters",
    );
  });

  it("maps 401 and 403 to a refusal of Tern's credentials, with the action for 403", () => {
    const e401 = toDriverError(apiError(401, status(401, "Unauthorized", "Unauthorized")), ctx);
    expect(e401.kind).toBe("unauthorized");
    expect(e401.message).toMatch(/^the cluster refused Tern's credentials \(401 Unauthorized\)/);
    const e403 = toDriverError(apiError(403, status(403, "Forbidden", 'User "x" cannot patch')), ctx);
    expect(e403.kind).toBe("forbidden");
    expect(e403.message).toBe(
      "the cluster refused Tern's credentials to patch deployments in namespace ml (403 Forbidden); grant Tern's user that permission with RBAC",
    );
  });

  it("maps 410, 5xx and unreadable 2xx without echoing the body", () => {
    expect(toDriverError(apiError(410, status(410, "Expired", "too old resource version")), ctx).kind).toBe("gone");
    const e503 = toDriverError(apiError(503, status(503, "ServiceUnavailable", "etcd password=hunter2 is down")), ctx);
    expect(e503.toJSON()).toEqual({
      kind: "server_error",
      status: 503,
      reason: "ServiceUnavailable",
      message: `cluster API at ${API} answered HTTP 503 (ServiceUnavailable); try again later`,
    });
    const odd = toDriverError(apiError(200, ""), ctx);
    expect(odd.kind).toBe("unknown");
    expect(odd.message).toContain("could not read");
  });

  it("maps a watch's non-200 answer (statusCode) like an ApiException", () => {
    const err = Object.assign(new Error("Gone"), { statusCode: 410 });
    expect(toDriverError(err, ctx).kind).toBe("gone");
  });

  it("maps refused connections, TLS failures and timeouts", () => {
    const refused = toDriverError(fetchFailed({ code: "ECONNREFUSED" }), ctx);
    expect(refused.toJSON()).toEqual({
      kind: "unreachable",
      message: `cluster API at ${API} is unreachable (ECONNREFUSED)`,
    });
    const tls = toDriverError(fetchFailed({ code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" }), ctx);
    expect(tls.kind).toBe("tls");
    expect(tls.message).toContain("certificate-authority-data");
    expect(toDriverError(fetchFailed({ code: "DEPTH_ZERO_SELF_SIGNED_CERT" }), ctx).kind).toBe("tls");
    const timeout = toDriverError(new DOMException("The operation was aborted due to timeout", "TimeoutError"), ctx);
    expect(timeout.toJSON()).toEqual({ kind: "timeout", message: `cluster API at ${API} did not answer within 5 s` });
    expect(toDriverError(fetchFailed({ code: "UND_ERR_CONNECT_TIMEOUT" }), ctx).kind).toBe("timeout");
  });

  it("never carries the exception's message, body or headers", () => {
    const body = status(500, "InternalError", "token s3cr3t-token leaked");
    for (const code of [400, 401, 403, 404, 409, 410, 422, 500]) {
      const e = toDriverError(apiError(code, body), ctx);
      expect(JSON.stringify(e.toJSON())).not.toContain("s3cr3t");
      expect(e.message).not.toContain("HTTP-Code");
      expect(e.cause).toBeUndefined();
    }
  });

  it("keeps a DriverError as it is", () => {
    const original = new DriverError({ kind: "forbidden", message: "x" });
    expect(toDriverError(original, ctx)).toBe(original);
  });
});

describe("parseStatus", () => {
  it("reads string, Buffer and object bodies and ignores non-Status ones", () => {
    const text = status(422, "Invalid", "bad", { causes: [{ field: "a", message: "b" }, { nonsense: true }] });
    expect(parseStatus(text)).toEqual({
      code: 422,
      reason: "Invalid",
      message: "bad",
      details: {},
      causes: [{ field: "a", message: "b" }],
    });
    expect(parseStatus(Buffer.from(text))?.reason).toBe("Invalid");
    expect(parseStatus(JSON.parse(text))?.code).toBe(422);
    expect(parseStatus("not json")).toBeUndefined();
    expect(parseStatus(JSON.stringify({ kind: "Deployment" }))).toBeUndefined();
    expect(parseStatus(undefined)).toBeUndefined();
  });
});
