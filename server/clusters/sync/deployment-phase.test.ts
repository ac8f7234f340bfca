// Unit tests for the phase rules: each rule, and the order in which they win.
import { describe, expect, it } from "vitest";
import { derivePhase, type PhaseInput } from "./deployment-phase";

const pod = (p: Partial<PhaseInput["pods"][number]> = {}): PhaseInput["pods"][number] => ({
  ready: false,
  unschedulable: false,
  node: "gpu-1",
  ...p,
});
const input = (p: Partial<PhaseInput>): PhaseInput => ({
  desired: 2,
  ready: 0,
  updated: 0,
  pods: [],
  conditions: [],
  wasReady: false,
  ...p,
});

describe("derivePhase", () => {
  it("is Pending before any pod exists and while pods wait for a node", () => {
    expect(derivePhase(input({}))).toBe("Pending");
    expect(derivePhase(input({ pods: [pod({ node: undefined }), pod({ node: undefined })] }))).toBe("Pending");
  });

  it("is Pending when a pod is unschedulable, even if others run", () => {
    const pods = [pod({ ready: true }), pod({ node: undefined, unschedulable: true, reason: "Unschedulable" })];
    expect(derivePhase(input({ ready: 1, updated: 2, pods }))).toBe("Pending");
  });

  it("is Progressing while scheduled pods start", () => {
    expect(derivePhase(input({ updated: 2, pods: [pod({ reason: "ContainerCreating" }), pod()] }))).toBe("Progressing");
    expect(derivePhase(input({ ready: 1, updated: 2, pods: [pod({ ready: true }), pod()] }))).toBe("Progressing");
  });

  it("is Ready when ready and updated both equal desired", () => {
    expect(derivePhase(input({ ready: 2, updated: 2, pods: [pod({ ready: true }), pod({ ready: true })] }))).toBe(
      "Ready",
    );
    // A rollout: enough ready pods, but not all on the new template yet.
    expect(derivePhase(input({ ready: 2, updated: 1, pods: [pod({ ready: true }), pod({ ready: true })] }))).toBe(
      "Progressing",
    );
    // Scaled to zero and finished.
    expect(derivePhase(input({ desired: 0 }))).toBe("Ready");
  });

  it("is Failed when no pod is ready and one crash-loops or cannot pull its image", () => {
    for (const reason of ["CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull"]) {
      expect(derivePhase(input({ updated: 2, pods: [pod({ reason }), pod()] }))).toBe("Failed");
    }
    const deadline = [{ type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded" }];
    expect(derivePhase(input({ updated: 2, pods: [pod(), pod()], conditions: deadline }))).toBe("Failed");
  });

  it("is not Failed while some pod still serves", () => {
    const pods = [pod({ ready: true }), pod({ reason: "CrashLoopBackOff" })];
    expect(derivePhase(input({ ready: 1, updated: 2, pods }))).toBe("Progressing");
    expect(derivePhase(input({ ready: 1, updated: 2, pods, wasReady: true }))).toBe("Degraded");
  });

  it("is Degraded when it was Ready for this spec and lost some ready pods", () => {
    const pods = [pod({ ready: true }), pod({ reason: "Unschedulable", unschedulable: true, node: undefined })];
    expect(derivePhase(input({ ready: 1, updated: 2, pods, wasReady: true }))).toBe("Degraded");
    // Losing every pod is not "degraded" any more: it is Pending (no capacity) or Failed (crashing).
    expect(
      derivePhase(
        input({ ready: 0, updated: 2, pods: [pod({ unschedulable: true, node: undefined })], wasReady: true }),
      ),
    ).toBe("Pending");
  });

  it("treats a scale-up after Ready as progress, since wasReady is reset by the spec change", () => {
    expect(
      derivePhase(
        input({ desired: 4, ready: 2, updated: 4, pods: [pod({ ready: true }), pod({ ready: true }), pod(), pod()] }),
      ),
    ).toBe("Progressing");
  });
});
