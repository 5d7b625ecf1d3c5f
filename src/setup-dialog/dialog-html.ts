import type { Language } from '../domain/enums';
import { escapeHtml } from '../domain/text/escape-html';
import { WEEKDAYS, WEEKDAYS_JA } from '../domain/slots';

// The first-run dialog of 初期設定: center name, language, weekly mail day and hour. A small
// self-contained page (no template, so nothing in it is evaluated by HtmlService); it calls
// saveInitialSettings and closes itself when setup is done.
const TEXT = {
  ja: {
    title: '生きがい就労デスク 初期設定', center: 'センター名', language: '言語', day: '週次メールの曜日', hour: '時刻',
    run: '設定して始める', running: '設定しています…', done: '完了しました', required: 'センター名を入れてください',
  },
  en: {
    title: 'Ikigai Desk setup', center: 'Center name', language: 'Language', day: 'Weekly mail day', hour: 'Hour',
    run: 'Set up and start', running: 'Setting up…', done: 'Done', required: 'Please enter the center name',
  },
} as const;

export function dialogTitle(lang: Language): string {
  return TEXT[lang].title;
}

export function setupDialogHtml(lang: Language, centerName: string): string {
  const t = TEXT[lang];
  const days = (lang === 'ja' ? WEEKDAYS_JA : WEEKDAYS).map((d, i) => `<option value="${i}">${escapeHtml(d)}</option>`).join('');
  const hours = Array.from({ length: 24 }, (_, h) => `<option value="${h}"${h === 8 ? ' selected' : ''}>${h}:00</option>`).join('');
  // Messages reach the script as JSON so no quote in them can end the string early.
  const messages = JSON.stringify({ running: t.running, done: t.done, required: t.required }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{font-family:sans-serif;font-size:14px;margin:12px}label{display:block;margin:10px 0 4px}input,select{font-size:14px;padding:4px;width:100%;box-sizing:border-box}
button{margin-top:14px;padding:8px 14px;font-size:14px}#msg{margin-top:10px;color:#a00}</style></head><body>
<form id="f"><label for="center">${escapeHtml(t.center)}</label><input id="center" maxlength="100" value="${escapeHtml(centerName)}" required>
<label for="lang">${escapeHtml(t.language)}</label><select id="lang"><option value="ja"${lang === 'ja' ? ' selected' : ''}>日本語</option><option value="en"${lang === 'en' ? ' selected' : ''}>English</option></select>
<label for="day">${escapeHtml(t.day)}</label><select id="day">${days}</select>
<label for="hour">${escapeHtml(t.hour)}</label><select id="hour">${hours}</select>
<button id="go" type="submit">${escapeHtml(t.run)}</button><div id="msg" role="status"></div></form>
<script>
var M=${messages};
document.getElementById('f').addEventListener('submit',function(ev){ev.preventDefault();
var msg=document.getElementById('msg');var name=document.getElementById('center').value.trim();
if(!name){msg.textContent=M.required;return;}
document.getElementById('go').disabled=true;msg.textContent=M.running;
google.script.run.withSuccessHandler(function(r){if(r&&r.ok){msg.textContent=M.done;google.script.host.close();}else{msg.textContent=(r&&r.message)||'';document.getElementById('go').disabled=false;}})
.withFailureHandler(function(e){msg.textContent=String(e&&e.message||e);document.getElementById('go').disabled=false;})
.saveInitialSettings({centerName:name,language:document.getElementById('lang').value,weeklyDay:Number(document.getElementById('day').value),weeklyHour:Number(document.getElementById('hour').value)});});
</script></body></html>`;
}
