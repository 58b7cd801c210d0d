import { AppError } from '../core/app-error';

/**
 * The server could not listen. Foreign `listen` errors (EADDRINUSE, ENOTFOUND, EACCES…) are
 * mapped here to one line that names the variable to change, so a failed start is not a stack.
 */
export class ListenError extends AppError<'port_in_use' | 'port_not_allowed' | 'host_unresolvable' | 'host_not_local'> {
  override name = 'ListenError';
}

/** Maps a `server.listen` error to a ListenError naming HOST or PORT; other errors pass through. */
export function toListenError(err: unknown, host: string, port: number): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return new ListenError('port_in_use', `PORT ${port} is already in use on ${host}`, 'Stop the other process or set PORT to a free port.', { cause: err });
    case 'EACCES':
      return new ListenError('port_not_allowed', `PORT ${port} needs privileges this process does not have`, 'Use a PORT above 1023 (put a reverse proxy on 80/443).', { cause: err });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return new ListenError('host_unresolvable', `HOST "${host.slice(0, 100)}" does not resolve to an address of this machine`, 'Set HOST to an IP address (127.0.0.1, or 0.0.0.0 for every interface) or a resolvable name.', { cause: err });
    case 'EADDRNOTAVAIL':
      return new ListenError('host_not_local', `HOST "${host.slice(0, 100)}" is not an address of this machine`, 'Set HOST to 127.0.0.1, 0.0.0.0, or one of this machine’s addresses.', { cause: err });
    default:
      return err;
  }
}
