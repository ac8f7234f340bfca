// `tern`: Tern's command line. Talks only to the REST API (/api/v1) with an API token; see the README's
// "Automation" section for the commands and exit codes.
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { TernClient } from "./client";
import { loadConfig } from "./config";
import { CliError, EXIT } from "./errors";
import { listClusters, listDeployments, listModels } from "./commands/list";
import { deploy, scale } from "./commands/deploy";
import { follow, migrate } from "./commands/migrate";
import { decide, listApprovals } from "./commands/approvals";
import { status } from "./commands/status";
import { login } from "./commands/login";
import { applyDocument, exportDocument } from "./commands/document";
import { listMigrations } from "./commands/migrations";

const int = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  return n;
};
const steps = (value: string) => {
  const list = value.split(",").map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n))) throw new InvalidArgumentError("expected percentages such as 10,50,100");
  return list;
};

const client = async () => new TernClient(await loadConfig());
const outputOption = () =>
  new Option("-o, --output <format>", "table, json or yaml").choices(["table", "json", "yaml"]).default("table");

export function buildProgram(): Command {
  const program = new Command("tern")
    .description("Tern's command line: deploy, scale and migrate models through Tern's REST API")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();

  program
    .command("login")
    .description("check a server URL and API token, and store them (0600) in the user's config directory")
    .option("--url <url>", "Tern's address, e.g. https://tern.example.com")
    .option("--token <token>", "an API token (tern_pat_…); else TERN_TOKEN, a prompt, or one line on stdin")
    .action((o: { url?: string; token?: string }) => login(o));

  program
    .command("status")
    .description("who you are, your team and role, the token's scopes, and the team's totals")
    .addOption(outputOption())
    .action(async (o: { output: string }) => status(await client(), o));

  for (const [noun, list] of [
    ["clusters", listClusters],
    ["models", listModels],
    ["deployments", listDeployments],
  ] as const) {
    const cmd = program.command(noun).description(`the team's ${noun}`);
    const ls = cmd.command("list").alias("ls").description(`list the team's ${noun}`).addOption(outputOption());
    if (noun === "deployments") ls.option("--cluster <name>", "only deployments on this cluster");
    ls.action(async (o: { output: string }) => list(await client(), o));
  }

  program
    .command("deploy")
    .description("deploy a model version on a cluster")
    .argument("<model[:version]>", "the model, optionally with a version (default: its latest)")
    .requiredOption("--cluster <name>", "the cluster to run it on")
    .option("--name <name>", "deployment name (default: the model's name)")
    .option("--namespace <namespace>", "Kubernetes namespace", "default")
    .option("--replicas <n>", "replicas", int(0, 256), 1)
    .option("--gpus <n>", "GPUs per replica", int(0, 16), 1)
    .option("--gpu-type <type>", "GPU type (default: the cluster's only type)")
    .option("--min <n>", "autoscaling minimum replicas", int(0, 256))
    .option("--max <n>", "autoscaling maximum replicas", int(1, 256))
    .option("--slo-ms <ms>", "latency SLO, p95 in milliseconds", int(1, 60_000), 200)
    .action(async (ref: string, o: Parameters<typeof deploy>[2]) => deploy(await client(), ref, o));

  program
    .command("scale")
    .description("set a deployment's replicas")
    .argument("<deployment>", "name, cluster/name, or id")
    .requiredOption("--replicas <n>", "replicas", int(0, 256))
    .action(async (ref: string, o: { replicas: number }) => scale(await client(), ref, o.replicas));

  program
    .command("migrate")
    .description("plan and request moving a deployment to another cluster; --wait follows it to the end")
    .argument("<deployment>", "name, cluster/name, or id")
    .requiredOption("--to <cluster>", "the target cluster")
    .option("--gpu-type <type>", "GPU type on the target (default: the source's, when the target has it)")
    .option("--steps <percentages>", "traffic steps, e.g. 10,50,100", steps)
    .option("--analysis-seconds <s>", "analysis window per traffic step", int(5, 3600))
    .option("--drain-grace-seconds <s>", "grace before the source is removed", int(0, 3600))
    .option("--min-requests <n>", "fewest requests per analysis window", int(1, 100_000))
    .option("--reason <text>", "why (shown to approvers)")
    .option("--plan-only", "print the plan and forecast, request nothing")
    .option("--wait", "follow the migration until SUCCEEDED (exit 0) or ROLLED_BACK/FAILED/… (exit 1)")
    .option("--timeout <s>", "with --wait: give up after this many seconds (exit 1)", int(1, 86_400), 3600)
    .option("--interval <s>", "with --wait: seconds between polls", int(1, 60), 2)
    .action(async (ref: string, o: Parameters<typeof migrate>[2]) => migrate(await client(), ref, o));

  const migrations = program.command("migrations").description("the team's migrations");
  migrations
    .command("list")
    .alias("ls")
    .description("list migrations, newest first")
    .addOption(outputOption())
    .action(async (o: { output: string }) => listMigrations(await client(), o));
  migrations
    .command("watch")
    .description("follow a migration until it ends (exit 0 on SUCCEEDED, 1 otherwise)")
    .argument("<id>", "migration id")
    .option("--timeout <s>", "give up after this many seconds (exit 1)", int(1, 86_400), 3600)
    .option("--interval <s>", "seconds between polls", int(1, 60), 2)
    .action(async (id: string, o: { timeout: number; interval: number }) => follow(await client(), id, o));

  const approvals = program.command("approvals").description("migrations waiting for your approval");
  approvals
    .command("list")
    .alias("ls")
    .description("list your approval inbox")
    .addOption(outputOption())
    .action(async (o: { output: string }) => listApprovals(await client(), o));
  approvals
    .command("approve")
    .description("approve a migration's current plan (printed first)")
    .argument("<migration>", "migration id")
    .action(async (id: string) => decide(await client(), id, "approve"));
  approvals
    .command("reject")
    .description("reject a migration")
    .argument("<migration>", "migration id")
    .requiredOption("--reason <text>", "why (at least 3 characters)")
    .action(async (id: string, o: { reason: string }) => decide(await client(), id, "reject", o.reason));

  program
    .command("export")
    .description("write the team's clouds, clusters (no credentials), GPU prices, models and deployments as YAML")
    .option("-f, --file <file>", "write to this file instead of stdout")
    .action(async (o: { file?: string }) => exportDocument(await client(), o));

  program
    .command("apply")
    .description("make Tern match a document from `tern export`: create and update; delete only with --prune")
    .requiredOption("-f, --file <file>", "the YAML document ('-' for stdin)")
    .option("--dry-run", "print the changes, change nothing")
    .option("--prune", "also delete deployments, GPU prices and models the document does not list")
    .addOption(new Option("-o, --output <format>", "text or json").choices(["text", "json"]).default("text"))
    .action(async (o: { file: string; dryRun?: boolean; prune?: boolean; output: string }) =>
      applyDocument(await client(), o),
    );

  return program;
}

/** Runs the CLI and returns its exit code; messages go to stderr, never a stack trace or the token. */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT.OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version end "with an error" in commander; they are successes. Its message is already printed.
      return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (e instanceof CliError) {
      process.stderr.write(`tern: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`tern: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.FAILED;
  }
}
