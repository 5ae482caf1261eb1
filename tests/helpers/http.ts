import { request } from 'node:http';

/**
 * An HTTP request sent exactly as written (fetch would tidy "..", backslashes and the like in the
 * path, and refuses some headers such as Host): its status, body as text (`encoding`, default
 * UTF-8; latin1 keeps every byte) and Content-Type.
 */
export function sendRaw(
  url: string,
  options: { method?: string; path: string; body?: string | Buffer; headers?: Record<string, string>; encoding?: BufferEncoding },
): Promise<{ status: number; text: string; type: string }> {
  const { hostname, port } = new URL(url);
  const { method = 'GET', path, body, headers = {}, encoding = 'utf8' } = options;
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding(encoding);
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, type: String(res.headers['content-type']) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
