import { JOB_ENGAGEMENT, SECTOR, type JobEngagement, type Sector } from '../../domain/enums';
import { el, field, setStatus, uid } from '../dom';
import { label } from '../i18n';
import { announce, onAdded } from '../new-records';
import { clientPick, clientSearch } from '../server-pickers';
import { picker } from '../picker';
import type { Panel, PanelContext } from '../registry';
import { callServer, ServerError } from '../script-run';
import { slotGrid } from '../slot-grid';
import { wordTicks } from '../word-ticks';

// 開拓: back from a visit, the coordinator records the client that agreed to give work and the
// job itself, each in one short form and one click. The new client is chosen in the job form at
// once; the new job joins the マッチング list (new-records.ts) so candidates can be sought next.
export const developPanel: Panel = {
  id: 'develop',
  title: (t) => t.tabs.develop,
  onShow: (root) => root.querySelector<HTMLElement>('input')?.focus(),
  render(root: HTMLElement, ctx: PanelContext): void {
    const { t, lang, boot } = ctx;
    const s = t.develop;
    const canWrite = boot.user.canWrite;

    // 新しい提供先
    const name = el('input', { type: 'text', maxlength: 100, required: true, autocomplete: 'off' });
    const sector = el('select');
    for (const code of SECTOR.codes) sector.append(el('option', { value: code, text: label(SECTOR, code, lang) }));
    const district = el('input', { type: 'text', maxlength: 100 });
    const contact = el('input', { type: 'text', maxlength: 100, autocomplete: 'off' });
    const phone = el('input', { type: 'tel', maxlength: 40, inputmode: 'tel', autocomplete: 'off' });
    const saveClient = el('button', { type: 'submit', class: 'primary', text: s.saveClient, disabled: !canWrite });
    const clientStatus = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const clientForm = el('form', { class: 'form', id: 'develop-client', 'aria-labelledby': 'develop-client-title', novalidate: true },
      el('h2', { id: 'develop-client-title', text: s.newClient }),
      field(s.name, name), field(t.develop.sector, sector), field(s.district, district), field(s.contact, contact), field(s.phone, phone),
      saveClient, clientStatus);

    // 新しい仕事
    const client = picker(s.client, t.pick.client, boot.clients.map(clientPick), boot.clientSearch ? clientSearch(t) : undefined);
    const title = el('input', { type: 'text', maxlength: 100, required: true, autocomplete: 'off' });
    // 職種 and 必要技能 in the center's words (the 職種 in use, the 技能 tab), so the job matches the
    // members who wrote the same (issue 12: a job made here had no 必要技能 and ranked by ID order).
    const categoryList = uid('categories');
    const category = el('input', { type: 'text', maxlength: 100, list: categoryList, autocomplete: 'off' });
    const categories = el('datalist', { id: categoryList }, ...boot.vocabulary.categories.map((c) => el('option', { value: c })));
    const skills = wordTicks({ id: 'develop-skills', legend: s.requiredSkills, words: boot.vocabulary.skills, otherLabel: s.otherSkill, otherHint: s.otherHint });
    const districtList = uid('districts');
    const jobDistrict = el('input', { type: 'text', id: 'develop-job-district', maxlength: 100, list: districtList, autocomplete: 'off' });
    const districts = el('datalist', { id: districtList }, ...boot.vocabulary.districts.map((d) => el('option', { value: d })));
    const pay = el('input', { type: 'text', id: 'develop-job-pay', maxlength: 100, autocomplete: 'off' });
    const engagement = el('select');
    for (const code of JOB_ENGAGEMENT.codes) engagement.append(el('option', { value: code, text: label(JOB_ENGAGEMENT, code, lang) }));
    // 請負 is how a silver center ordinarily takes on work.
    engagement.value = 'contract';
    const grid = slotGrid({ id: 'develop-slots', legend: s.slots, hint: s.slotsHint, lang });
    const headcount = el('input', { type: 'number', min: 1, max: 999, step: 1, value: 1, inputmode: 'numeric', required: true });
    const social = el('input', { type: 'checkbox', id: uid('social') });
    const startOn = el('input', { type: 'date' });
    const saveJob = el('button', { type: 'submit', class: 'primary', text: s.saveJob, disabled: !canWrite });
    const jobStatus = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const jobForm = el('form', { class: 'form', id: 'develop-job', 'aria-labelledby': 'develop-job-title', novalidate: true },
      el('h2', { id: 'develop-job-title', text: s.newJob }),
      client.element, field(s.title, title), field(s.category, category), categories, field(s.engagement, engagement),
      skills.element, grid.element, field(s.headcount, headcount),
      field(s.jobDistrict, jobDistrict, s.jobDistrictHint), districts, field(s.pay, pay, s.payHint),
      el('div', { class: 'check' }, social, el('label', { for: social.id, text: s.social })),
      field(s.startOn, startOn),
      saveJob, jobStatus);
    root.append(clientForm, jobForm);
    onAdded('client', (c) => client.add({ id: c.id, text: c.name }));

    clientForm.addEventListener('submit', (event) => {
      event.preventDefault();
      if (name.value.trim() === '') { invalid(name, clientStatus, s.required(s.name)); return; }
      name.removeAttribute('aria-invalid');
      saveClient.disabled = true;
      setStatus(clientStatus, t.activity.saving, 'busy');
      callServer('registerClient', t.unreachable, {
        name: name.value, sector: sector.value as Sector, district: district.value, contact_person: contact.value, phone: phone.value,
      }).then((out) => {
        announce('client', out.client);
        // The job that was agreed on the same visit is usually typed next: for this client.
        client.add({ id: out.client.id, text: out.client.name }, true);
        setStatus(clientStatus, s.clientSaved(out.client.id, out.client.name), 'ok');
        name.value = ''; contact.value = ''; phone.value = '';
        title.focus();
      }, (error: unknown) => {
        setStatus(clientStatus, error instanceof ServerError ? error.message : t.unreachable, 'error');
      }).finally(() => { saveClient.disabled = !canWrite; });
    });

    jobForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const clientId = client.value();
      if (clientId === null || clientId === '') {
        invalid(client.input, jobStatus, clientId === null ? t.activity.notFound(s.client, client.input.value) : s.required(s.client));
        return;
      }
      if (title.value.trim() === '') { invalid(title, jobStatus, s.required(s.title)); return; }
      const people = Number(headcount.value);
      if (!Number.isInteger(people) || people < 1) { invalid(headcount, jobStatus, s.required(s.headcount)); return; }
      for (const f of [client.input, title, headcount]) f.removeAttribute('aria-invalid');
      saveJob.disabled = true;
      setStatus(jobStatus, t.activity.saving, 'busy');
      callServer('registerJob', t.unreachable, {
        client_id: clientId, title: title.value, category: category.value, engagement: engagement.value as JobEngagement,
        slots: grid.value(), headcount: people, social_contribution: social.checked, start_on: startOn.value === '' ? null : startOn.value,
        required_skills: skills.value(), district: jobDistrict.value.trim(), pay: pay.value.trim(),
      }).then((out) => {
        announce('job', out.job);
        setStatus(jobStatus, s.jobSaved(out.job.id, out.job.title), 'ok');
        // Keep the client (a second job from the same visit is common); clear the job's own fields.
        title.value = ''; category.value = ''; headcount.value = '1'; social.checked = false; startOn.value = '';
        grid.clear(); skills.clear(); jobDistrict.value = ''; pay.value = '';
      }, (error: unknown) => {
        setStatus(jobStatus, error instanceof ServerError ? error.message : t.unreachable, 'error');
      }).finally(() => { saveJob.disabled = !canWrite; });
    });
  },
};

/** Marks a field wrong, says why in the form's status line and puts the cursor there. */
function invalid(control: HTMLElement, status: HTMLElement, message: string): void {
  control.setAttribute('aria-invalid', 'true');
  setStatus(status, message, 'error');
  control.focus();
}
