import type { Language } from '../domain/enums';
import { dialogText } from '../domain/messages/catalog';
import { escapeHtml } from '../domain/text/escape-html';

// The first-run dialog of 初期設定: center name, language, weekly mail day and hour. A small
// self-contained page (no template, so nothing in it is evaluated by HtmlService); it calls
// saveInitialSettings and closes itself when setup is done. Its words are the catalog's dialog
// part (src/domain/messages).

export function dialogTitle(lang: Language): string {
  return dialogText(lang).title;
}

export function setupDialogHtml(lang: Language, centerName: string): string {
  const t = dialogText(lang);
  const days = t.days.map((d, i) => `<option value="${i}">${escapeHtml(d)}</option>`).join('');
  const hours = Array.from({ length: 24 }, (_, h) => `<option value="${h}"${h === 8 ? ' selected' : ''}>${h}:00</option>`).join('');
  // Messages reach the script as JSON so no quote in them can end the string early.
  const messages = JSON.stringify({ running: t.running, done: t.done, required: t.required }).replace(/</g, '\\u003c');
  // Styled like the sidebar (16px, bold labels, the same fonts and focus ring): the people who set
  // a center up are the same coordinators. novalidate: the blank-name message comes in the
  // center's language from the script below, not in the browser's own language.
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><style>
*{box-sizing:border-box}body{font-family:system-ui,"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic","Meiryo",sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;margin:0;padding:4px 12px 12px}
label{display:block;font-weight:bold;margin:10px 0 3px}input,select,button{font:inherit}
input,select{width:100%;min-height:2.4rem;padding:.35rem .5rem;border:1px solid #8a8a8a;border-radius:4px;background:#fff;color:inherit}
button{width:100%;margin-top:16px;min-height:2.6rem;padding:.45rem .8rem;border:1px solid #0b5cad;border-radius:4px;background:#0b5cad;color:#fff;font-weight:bold;cursor:pointer}
button:disabled{opacity:.5;cursor:not-allowed}:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
#msg{min-height:1.5rem;margin-top:8px;font-weight:bold}#msg.error{color:#a1161b}#msg.ok{color:#1e6b2e}#msg.busy{color:#555}</style></head><body>
<form id="f" novalidate><label for="center">${escapeHtml(t.center)}</label><input id="center" maxlength="100" value="${escapeHtml(centerName)}" required autofocus autocomplete="organization">
<label for="lang">${escapeHtml(t.language)}</label><select id="lang"><option value="ja"${lang === 'ja' ? ' selected' : ''} lang="ja">日本語</option><option value="en"${lang === 'en' ? ' selected' : ''} lang="en">English</option></select>
<label for="day">${escapeHtml(t.day)}</label><select id="day">${days}</select>
<label for="hour">${escapeHtml(t.hour)}</label><select id="hour">${hours}</select>
<button id="go" type="submit">${escapeHtml(t.run)}</button><div id="msg" role="status" aria-live="polite"></div></form>
<script>
var M=${messages};
function say(text,kind){var m=document.getElementById('msg');m.textContent=text;m.className=kind;}
document.getElementById('f').addEventListener('submit',function(ev){ev.preventDefault();
var center=document.getElementById('center');var name=center.value.trim();
if(!name){say(M.required,'error');center.setAttribute('aria-invalid','true');center.focus();return;}
center.removeAttribute('aria-invalid');
document.getElementById('go').disabled=true;say(M.running,'busy');
google.script.run.withSuccessHandler(function(r){if(r&&r.ok){say(M.done,'ok');google.script.host.close();}else{say((r&&r.message)||'','error');document.getElementById('go').disabled=false;}})
.withFailureHandler(function(e){say(String(e&&e.message||e),'error');document.getElementById('go').disabled=false;})
.saveInitialSettings({centerName:name,language:document.getElementById('lang').value,weeklyDay:Number(document.getElementById('day').value),weeklyHour:Number(document.getElementById('hour').value)});});
</script></body></html>`;
}
