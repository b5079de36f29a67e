import { docker, removeProject, requireDocker } from './helpers.js';

/**
 * Before the end-to-end suite: fail at once without Docker, and remove what an earlier,
 * interrupted run left behind (only projects named by uniqueProject, prefix `kdt-`), so stale
 * containers never hold the ports this run needs. KAFKA_DEV_E2E_NO_SWEEP=1 skips the sweep, for
 * a developer running single suites beside another engineer's.
 */
export default async function setup(): Promise<void> {
  await requireDocker();
  if (process.env.KAFKA_DEV_E2E_NO_SWEEP === '1') return;
  const labelled = { filters: { label: ['com.docker.compose.project'] } };
  const [containers, networks, volumes] = await Promise.all([
    docker.listContainers({ all: true, ...labelled }),
    docker.listNetworks(labelled),
    docker.listVolumes(labelled),
  ]);
  const projects = new Set(
    [...containers, ...networks, ...(volumes.Volumes ?? [])]
      .map((resource) => resource.Labels?.['com.docker.compose.project'] ?? '')
      .filter((project) => project.startsWith('kdt-')),
  );
  for (const project of projects) await removeProject(project);
}
