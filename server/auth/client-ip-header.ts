// The header through which the auth route handler hands better-auth the resolved client address; the
// handler always overwrites it, so a value sent by the client never counts.
export const CLIENT_IP_HEADER = "x-tern-client-ip";
