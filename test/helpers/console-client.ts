/** Talks to the console as its own page does: JSON, with the token the page carries. */
export async function consoleClient(base: string) {
  const page = await (await fetch(`${base}/`)).text();
  const token = /<input type="hidden" id="k" value="([^"]+)">/.exec(page)?.[1];
  if (!token) throw new Error('the console page carries no token');
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-console-token': token, ...headers }, body });
  return {
    token,
    page,
    post,
    ask: (text: string) => post('/console/ask', JSON.stringify({ text })),
  };
}
