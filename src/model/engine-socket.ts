/**
 * Whether a host path would hand a container the container engine: the engine's socket itself
 * (Docker's, Podman's, containerd's, wherever it lies) or a system folder that holds one. Whoever
 * controls that socket is root on the host, so no service kafka-dev runs may mount it.
 */
import { posix } from 'node:path';

const socketFile = /(^|\/)(docker|podman|containerd)\.sock(et)?$/;
/** The engines' system sockets; mounting a folder above one of them mounts the socket too. */
const systemSockets = ['/var/run/docker.sock', '/run/docker.sock', '/run/podman/podman.sock', '/run/containerd/containerd.sock'];

export function exposesEngineSocket(hostPath: string): boolean {
  const path = posix.normalize(hostPath).replace(/\/+$/, '') || '/';
  return socketFile.test(path) || systemSockets.some((socket) => socket === path || socket.startsWith(path === '/' ? '/' : `${path}/`));
}
