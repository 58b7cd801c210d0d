/**
 * The local web console: paste a message, see the rendered answer. Self-contained, no external
 * assets. Every request carries the console token in `X-Console-Token`: the per-process token is
 * written into the page (another site cannot read the page, so it cannot learn it); with
 * CONSOLE_TOKEN (beyond loopback) the page has a field for it instead.
 */
export function consolePage(embeddedToken: string | undefined): string {
  const token = embeddedToken
    ? `<input type="hidden" id="k" value="${embeddedToken.replace(/[^A-Za-z0-9_-]/g, '')}">`
    : '<p><label>Console token <input type="password" id="k" autocomplete="current-password"></label></p>';
  return PAGE.replace('<!--token-->', token);
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>idc-assistant console</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d1c1d}
textarea{width:100%;min-height:9rem;font:13px ui-monospace,monospace;padding:.5rem;box-sizing:border-box}
button{margin:.25rem .25rem 0 0;padding:.35rem .8rem;border:1px solid #888;border-radius:4px;background:#fff;cursor:pointer}
button.primary{background:#007a5a;color:#fff;border-color:#007a5a}
.reply{border-left:4px solid #1264a3;padding:.25rem 1rem;margin:1rem 0;background:#f8f8f8}
.reply.unknown,.reply.error{border-color:#e01e5a}.context{color:#616061;font-size:13px}
blockquote{border-left:3px solid #ccc;margin:0;padding-left:.75rem;white-space:pre-wrap}
pre{background:#eee;padding:.5rem;overflow:auto}.findings .fail{color:#b00}.findings .pass{color:#070}
#error{color:#b00}
</style></head><body>
<h1>IAM Identity Center assistant</h1>
<p>Paste an error, a CloudTrail event or a SAML response, describe what users see, or type a command (<code>help</code>).</p>
<!--token--><form id="f"><textarea id="t" name="text" placeholder="Request is unparsable, syntactically incorrect, or violates schema"></textarea>
<button class="primary" type="submit">Ask</button></form>
<div id="error" role="alert"></div><div id="out" aria-live="polite"></div>
<script>
const out=document.getElementById('out'),err=document.getElementById('error');
async function post(url,body){err.textContent='';const r=await fetch(url,{method:'POST',headers:{'content-type':'application/json','x-console-token':document.getElementById('k').value},body:JSON.stringify(body)});
const j=await r.json().catch(()=>({message:'The server sent an unreadable answer.'}));if(!r.ok){err.textContent=j.message||('HTTP '+r.status);return}
out.insertAdjacentHTML('afterbegin',j.html||'<p>(no reply)</p>')}
document.getElementById('f').addEventListener('submit',e=>{e.preventDefault();post('/console/ask',{text:document.getElementById('t').value})});
out.addEventListener('click',e=>{const b=e.target.closest('button[data-action]');if(b)post('/console/act',{id:b.dataset.action,value:b.dataset.value})});
</script></body></html>`;
