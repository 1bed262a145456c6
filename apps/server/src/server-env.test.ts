import { describe, expect, it } from 'vitest';
import { allowedHostsOf, readServerEnv } from './server-env';

describe('readServerEnv: the host names served', () => {
  it('serves the public URL’s host and the listed ones, besides loopback', () => {
    const env = readServerEnv({
      SWITCHYARD_PUBLIC_URL: 'https://switchyard.example.com/',
      SWITCHYARD_ALLOWED_HOSTS: 'switchyard.internal, 10.0.0.5:3000,',
    });
    expect(allowedHostsOf(env)).toEqual(['switchyard.example.com', 'switchyard.internal', '10.0.0.5:3000']);
    expect(allowedHostsOf(readServerEnv({ SWITCHYARD_PUBLIC_URL: 'http://intranet:8080' }))).toEqual(['intranet:8080']);
    expect(allowedHostsOf(readServerEnv({}))).toEqual([]);
  });

  it('refuses a host list or public URL that is not one, naming the variable', () => {
    expect(() => readServerEnv({ SWITCHYARD_ALLOWED_HOSTS: 'https://switchyard.example.com' })).toThrow(/SWITCHYARD_ALLOWED_HOSTS/);
    expect(() => readServerEnv({ SWITCHYARD_PUBLIC_URL: 'switchyard.example.com' })).toThrow(/SWITCHYARD_PUBLIC_URL/);
    expect(() => readServerEnv({ SWITCHYARD_PUBLIC_URL: 'ftp://switchyard.example.com' })).toThrow(/SWITCHYARD_PUBLIC_URL/);
  });
});
