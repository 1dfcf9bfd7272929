/**
 * Docker for container-image functions (`python: { container: true }`): the builder writes a Docker build
 * context, which only a deploy turns into an image. The deploy checks for Docker first, so a machine without it
 * fails with one line saying what to do, and only when an image is really needed (`sst diff` and builds do not).
 */
import { SSTError } from "@sst/core";
import { run, which } from "./tools.js";

/**
 * Throws `E_DOCKER_MISSING` when `docker` is not on PATH, `E_DOCKER_NOT_RUNNING` when its daemon does not answer
 * (`docker info` fails). `component` names the function that needs it.
 *
 * @example
 * if (args.python?.container) await requireDocker(`sst.aws.Function "${name}"`);
 */
export async function requireDocker(component: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const docker = await which("docker", env);
  if (!docker) {
    throw new SSTError({
      code: "E_DOCKER_MISSING",
      message: `${component} is deployed as a container image (python.container), which needs Docker, and docker was not found on PATH.`,
      hint: "Install Docker (https://docs.docker.com/get-docker) and start it, or remove python.container to deploy a zip.",
    });
  }
  const info = await run(docker, ["info", "--format", "{{.ServerVersion}}"], { cwd: process.cwd(), env });
  if (info.code !== 0) {
    const reason = (info.stderr || info.stdout).trim().split("\n").at(-1) ?? "";
    throw new SSTError({
      code: "E_DOCKER_NOT_RUNNING",
      message: `${component} is deployed as a container image (python.container), and the Docker daemon does not answer${reason ? `: ${reason}` : "."}`,
      hint: "Start Docker (Docker Desktop, or `sudo systemctl start docker`) and run the command again.",
    });
  }
}
