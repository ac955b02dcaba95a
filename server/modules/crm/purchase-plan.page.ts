import type { PublicPurchasePlan } from '../../../common/crm/purchase-plan.schemas';
import { formatFen } from '../../../common/rules/money';
import { interpolate, type Lang } from '../../platform/i18n';
import { energiesLabels } from './catalog-labels';
import { percentOf, planTexts, reasonText } from './purchase-plan.texts';

/**
 * The share page a customer opens from the link (no account, no script): the plan's comparison in
 * their language, a language switch and the PDF. Server-rendered HTML with escaped values only.
 */
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const style = `
body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f6f8;color:#222}
main{max-width:920px;margin:0 auto;padding:24px 16px 48px}
header{display:flex;justify-content:space-between;align-items:baseline;color:#666}
h1{color:#1f4e79;font-size:26px;margin:6px 0 16px}
.meta{display:flex;flex-wrap:wrap;gap:24px;margin-bottom:16px}.meta div span{display:block;font-size:12px;color:#666}
.card{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:16px;overflow-x:auto}
table{border-collapse:collapse;width:100%}th,td{padding:8px 10px;border-bottom:1px solid #eee;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left;color:#444}thead th{background:#1f4e79;color:#fff;vertical-align:top;text-align:left}
thead th small{display:block;font-weight:normal;opacity:.8}tr.em td{font-weight:600;background:#eaf1f8}
.alts{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:16px;margin-top:16px}
.alts h2{font-size:16px;color:#1f4e79;margin:0 0 8px}.alts ul{padding-left:18px;margin:4px 0}
.actions{display:flex;gap:12px;margin:16px 0}.actions a{color:#1f4e79}
a.button{background:#1f4e79;color:#fff;padding:8px 16px;border-radius:6px;text-decoration:none}
footer{font-size:12px;color:#777;margin-top:20px}`;

export function planPageHtml(plan: PublicPurchasePlan, token: string, lang: Lang): string {
  const t = planTexts[lang];
  const alt = (n: number) => `${t.alternative} ${String.fromCharCode(65 + n)}`;
  const name = (i: PublicPurchasePlan['items'][number]) =>
    lang === 'en'
      ? [`${i.brandNameEn} ${i.modelNameEn}`, i.trimNameEn]
      : [`${i.brandName} ${i.modelName}`, i.trimName];
  const money = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatFen(v));
  const row = (label: string, values: string[], em = false) =>
    `<tr${em ? ' class="em"' : ''}><td>${esc(label)}</td>${values.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`;
  const each = (f: (i: PublicPurchasePlan['items'][number]) => string) => plan.items.map(f);
  const p = plan.payment;
  const rows = [
    row(
      t.energy,
      each((i) => energiesLabels[i.energy]?.[lang] ?? i.energy),
    ),
    row(
      t.guidePrice,
      each((i) => money(i.guidePrice)),
    ),
    row(
      t.displayPrice,
      each((i) => money(i.displayPrice)),
    ),
    row(
      t.factoryOptions,
      each((i) => money(i.quote.factoryOptions)),
    ),
    row(
      t.invoiceTotal,
      each((i) => money(i.quote.invoiceTotal)),
    ),
    row(
      t.priceExclVat,
      each((i) => money(i.quote.priceExclVat)),
    ),
    row(
      t.vat,
      each((i) => money(i.quote.vat)),
    ),
    row(
      t.purchaseTax,
      each((i) => money(i.quote.purchaseTax)),
    ),
    row(
      t.accessories,
      each((i) => money(i.quote.accessories)),
    ),
    ...(p.kind === 'loan'
      ? [
          row(
            t.downPayment,
            each(() => money(p.downPayment)),
          ),
          row(
            t.financed,
            each((i) => money(i.quote.loan?.principal)),
          ),
          row(
            t.term,
            each(() => interpolate(t.termValue, { months: p.termMonths, rate: percentOf(p.annualRateBp) })),
          ),
          row(
            t.monthly,
            each((i) => money(i.quote.loan?.monthly)),
            true,
          ),
        ]
      : []),
    row(
      t.dueAtPurchase,
      each((i) => money(i.quote.dueAtPurchase)),
      true,
    ),
    row(
      t.totalCost,
      each((i) => money(i.quote.totalCost)),
    ),
  ].join('');
  const alts = plan.items
    .map((i, n) => {
      const opts = i.options.length
        ? `<ul>${i.options.map((o) => `<li>${esc(lang === 'en' ? o.nameEn : o.name)} · ${esc(formatFen(o.price))}</li>`).join('')}</ul>`
        : `<p>${esc(t.none)}</p>`;
      const why = i.reasons.filter((r) => r.kind === 'match');
      return `<div class="card"><h2>${esc(`${alt(n)} · ${name(i).join(' ')}`)}</h2><strong>${esc(t.options)}</strong>${opts}${
        why.length
          ? `<strong>${esc(t.why)}</strong><ul>${why.map((r) => `<li>${esc(reasonText(r, lang))}</li>`).join('')}</ul>`
          : ''
      }</div>`;
    })
    .join('');
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
  const base = `/share/purchase-plans/${encodeURIComponent(token)}`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(`${t.title} ${plan.number}`)}</title><style>${style}</style></head><body><main>
<header><span>${esc(plan.storeName)}</span><span>${esc(plan.number)}</span></header>
<h1>${esc(t.title)}</h1>
<div class="meta"><div><span>${esc(t.customer)}</span>${esc(plan.customerName)}</div><div><span>${esc(t.consultant)}</span>${esc(plan.consultantName ?? '—')}</div>
<div><span>${esc(t.date)}</span>${esc(plan.priceDate)}</div><div><span>${esc(t.payment)}</span>${esc(p.kind === 'loan' ? t.loan : t.full)}</div>
<div><span>${esc(t.validUntil)}</span>${esc(plan.shareExpiresAt.slice(0, 10))}</div></div>
<div class="actions"><a class="button" href="/api/v1/public/purchase-plans/${encodeURIComponent(token)}/pdf?lang=${lang}">${esc(t.download)}</a>
<a href="${base}?lang=${other}">${other === 'en' ? 'English' : '简体中文'}</a></div>
<div class="card"><table><thead><tr><th></th>${plan.items
    .map(
      (i, n) => `<th><small>${esc(alt(n))}</small>${esc(name(i)[0]!)}<small>${esc(name(i)[1]!)}</small></th>`,
    )
    .join('')}</tr></thead><tbody>${rows}</tbody></table></div>
<div class="alts">${alts}</div>
${plan.note ? `<p>${esc(t.note)}: ${esc(plan.note)}</p>` : ''}
<footer>${esc(interpolate(t.footer, { date: plan.priceDate, policy: '' }))}</footer>
</main></body></html>`;
}

/** The page shown for a link that expired or never existed. */
export function expiredPageHtml(lang: Lang): string {
  const t = planTexts[lang];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(t.title)}</title><style>${style}</style></head><body><main><h1>${esc(t.title)}</h1><div class="card">${esc(t.expired)}</div></main></body></html>`;
}
