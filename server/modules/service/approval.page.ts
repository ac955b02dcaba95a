import { formatFen } from '../../../common/rules/money';
import { interpolate, type Lang } from '../../platform/i18n';
import type { publicEstimate } from './public-estimate.service';
import { roTexts } from './repair-order.texts';

/**
 * The customer's approval page (no account, no script, sized for a phone): each line with approve /
 * decline, their name, one submit. Server-rendered HTML with escaped values only; the form posts back
 * to the same address.
 */
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const style = `
*{box-sizing:border-box}body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC",sans-serif;margin:0;background:#f5f6f8;color:#222;font-size:16px}
main{max-width:560px;margin:0 auto;padding:16px 12px 40px}header{color:#666;font-size:13px;display:flex;justify-content:space-between}
h1{color:#1f4e79;font-size:22px;margin:6px 0 4px}.car{color:#444;margin-bottom:12px}
.card{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:12px 14px;margin:10px 0}
.line .top{display:flex;justify-content:space-between;gap:8px;font-weight:600}.line small{color:#666;display:block;margin:2px 0 8px}
.choice{display:flex;gap:8px}.choice label{flex:1;border:1px solid #ccd;border-radius:8px;padding:10px;text-align:center}
.choice input{margin-right:6px}.ok{color:#1b7f3b}.no{color:#b00020}
.insp li{margin:2px 0}.dot{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:6px}
input[type=text]{width:100%;padding:10px;border:1px solid #ccd;border-radius:8px;font-size:16px}
button{width:100%;background:#1f4e79;color:#fff;border:0;border-radius:8px;padding:14px;font-size:17px;margin-top:12px}
.langs a{color:#1f4e79;margin-left:8px}footer{font-size:12px;color:#777;margin-top:16px}`;

const page = (lang: Lang, title: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${style}</style></head><body><main>${body}</main></body></html>`;

const dotColour: Record<string, string> = { green: '#2e9d4f', yellow: '#e0a800', red: '#d32f2f' };

export function approvalPageHtml(
  e: Awaited<ReturnType<typeof publicEstimate>>,
  token: string,
  lang: Lang,
  error?: string,
) {
  const t = roTexts[lang];
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
  const lines = e.lines
    .map(
      (
        l,
      ) => `<div class="card line"><div class="top"><span>${esc(l.description)}</span><span>${esc(formatFen(l.amount))}</span></div>
<small>${esc(t.kind[l.kind] ?? l.kind)}${l.partNumber ? ` · ${esc(l.partNumber)}` : ''}${l.kind === 'part' ? ` · ${l.quantity} × ${esc(formatFen(l.unitPrice))}` : ''}${l.kind === 'labor' ? ` · ${(l.hoursCenti / 100).toFixed(2)} h` : ''}${l.payer !== 'customer' ? ` · ${esc(t.payer[l.payer] ?? l.payer)}` : ''}</small>
<div class="choice"><label class="ok"><input type="radio" name="line_${esc(l.id)}" value="approved" required>${esc(t.approve)}</label><label class="no"><input type="radio" name="line_${esc(l.id)}" value="declined">${esc(t.decline)}</label></div></div>`,
    )
    .join('');
  const insp = e.inspection.length
    ? `<div class="card insp"><strong>${esc(t.inspection)}</strong><ul>${e.inspection
        .map(
          (i) =>
            `<li><span class="dot" style="background:${dotColour[i.rating] ?? '#999'}"></span>${esc(i.item)} — ${esc(t.rating[i.rating] ?? i.rating)}${i.note ? `: ${esc(i.note)}` : ''}</li>`,
        )
        .join('')}</ul></div>`
    : '';
  const body = `<header><span>${esc(e.storeName)}</span><span class="langs">${esc(e.number)}<a href="?lang=${other}">${other === 'en' ? 'English' : '中文'}</a></span></header>
<h1>${esc(t.approveTitle)}</h1><div class="car">${esc([e.plate, e.vehicleName].filter(Boolean).join(' · '))}<br><small>${esc(t.vin)} ${esc(e.vin)}</small></div>
${error ? `<div class="card no">${esc(error)}</div>` : ''}
${e.findings ? `<div class="card"><strong>${esc(t.findings)}</strong><div>${esc(e.findings)}</div></div>` : ''}${insp}
<p>${esc(t.approveIntro)}</p>
<form method="post" action="/approve/${esc(token)}?lang=${lang}">${lines}
<div class="card"><label>${esc(t.signerName)}<br><input type="text" name="signerName" required maxlength="60" value="${esc(e.customerName)}"></label></div>
<button type="submit">${esc(t.submit)}</button></form>
<footer>${esc(t.expires)} ${esc(e.expiresAt.slice(0, 16).replace('T', ' '))} UTC</footer>`;
  return page(lang, t.approveTitle, body);
}

export function approvalDoneHtml(
  lang: Lang,
  result: { approved: number; declined: number; approvedAmount: number },
) {
  const t = roTexts[lang];
  return page(
    lang,
    t.thanks,
    `<h1>${esc(t.thanks)}</h1><div class="card">${esc(interpolate(t.thanksDetail, { ...result, amount: formatFen(result.approvedAmount) }))}</div>`,
  );
}

export function approvalGoneHtml(lang: Lang, message: string) {
  const t = roTexts[lang];
  return page(lang, t.gone, `<h1>${esc(t.gone)}</h1><div class="card">${esc(message)}</div>`);
}
