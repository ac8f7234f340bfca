// The demo team's users, one per role. Demo data exists only in embedded mode.
import type { Role } from "../../generated/prisma/enums";

export const DEMO_TEAM = { name: "Demo", slug: "demo" };

export const DEMO_USERS: { email: string; name: string; role: Role; password: string }[] = [
  { email: "viewer@demo.tern.local", name: "Vera Viewer", role: "VIEWER", password: "tern-demo-viewer" },
  { email: "operator@demo.tern.local", name: "Omar Operator", role: "OPERATOR", password: "tern-demo-operator" },
  { email: "approver@demo.tern.local", name: "Ada Approver", role: "APPROVER", password: "tern-demo-approver" },
  { email: "admin@demo.tern.local", name: "Ali Admin", role: "ADMIN", password: "tern-demo-admin" },
];
