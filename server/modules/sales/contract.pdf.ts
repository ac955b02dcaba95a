import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { localDateTimeOf } from '../../../common/rules/civil-date';
import { formatFen } from '../../../common/rules/money';
import type { Contract } from '../../../common/sales/contract.schemas';
import type { DbOrTrx } from '../../db/database';
import { interpolate, type Lang } from '../../platform/i18n';
import { renderPdf } from '../../platform/pdf';
import { contractTexts, paymentMethodLabels, serviceLabels } from './contract.texts';
import type { ContractRow } from './contract.view';
import { salesSettingsOf } from './sales-settings.service';
import { findStoreRow } from '../identity';

const accent = '#1f4e79';
const fen = (v: unknown) => (typeof v === 'number' ? formatFen(v) : '—');

/**
 * The contract as a PDF in its language (H4.1): seller and buyer, vehicle, price lines with declined
 * services shown as declined (Art. 14), payment, delivery, the store's clauses and both signatures with
 * their time stamps. A draft is marked as not in force.
 */
export async function renderContractPdf(
  db: DbOrTrx,
  contract: Contract,
  row: ContractRow,
  lang: Lang,
  customerCopy: boolean,
) {
  const t = contractTexts[lang];
  const terms = contract.terms;
  const settings = await salesSettingsOf(db, contract.storeId);
  const timezone = (await findStoreRow(db, contract.storeId))?.timezone ?? 'Asia/Shanghai';
  // signing times in the store's local time, as on paper
  const localTime = (at: string) => `${localDateTimeOf(at, timezone)} (${timezone})`;
  const kv = (label: string, value: unknown): Content => ({
    columns: [
      { text: label, width: 130, color: '#555555' },
      { text: value === null || value === undefined || value === '' ? '—' : String(value) },
    ],
    margin: [0, 1, 0, 1],
  });
  const section = (title: string): Content => ({
    text: title,
    bold: true,
    color: accent,
    fontSize: 11,
    margin: [0, 8, 0, 3],
  });
  const services = String(terms.acceptedLines ?? '')
    .split(',')
    .filter(Boolean)
    .map((entry) => entry.split(':'))
    .filter(([ref]) => serviceLabels[ref!])
    .map(([ref, price]) => `${serviceLabels[ref!]![lang]} ${formatFen(Number(price))}`);
  const declined = String(terms.declinedServices ?? '')
    .split(',')
    .filter(Boolean)
    .map((entry) => `${serviceLabels[entry.split(':')[0]!]?.[lang] ?? entry}（${t.declined}）`);
  const loan =
    terms.paymentKind === 'loan'
      ? interpolate(t.loan, {
          down: fen(terms.loanDownPayment),
          term: terms.loanTermMonths,
          rate: (Number(terms.loanRateBp) / 100).toFixed(2),
          monthly: fen(terms.loanMonthly),
        })
      : null;
  const signatureCell = (label: string, image: string | null, at: string | null): Content => ({
    stack: [
      { text: label, color: '#555555' },
      image
        ? { image, fit: [160, 55], margin: [0, 4, 0, 2] }
        : { text: t.notSigned, italics: true, margin: [0, 20, 0, 20] },
      { text: at ? `${t.signedAt}: ${localTime(at)}` : '', fontSize: 8, color: '#555555' },
    ],
  });
  const content: Content[] = [
    { text: t.title, fontSize: 18, bold: true, alignment: 'center', color: accent },
    {
      text: `${t.number} ${contract.number} · ${t.version} ${contract.versionNo}${customerCopy ? ` · ${t.customerCopy}` : ''}`,
      alignment: 'center',
      margin: [0, 4, 0, 8],
    },
    ...(contract.status === 'draft'
      ? [{ text: t.draft, color: '#c0392b', bold: true, alignment: 'center' as const }]
      : []),
    section(t.seller),
    kv(t.seller, settings.sellerName),
    kv(t.taxId, settings.sellerTaxId),
    kv(t.address, settings.sellerAddress),
    section(t.buyer),
    kv(t.buyer, contract.buyer.name),
    kv(t.document, contract.buyer.documentNumber),
    kv(t.mobile, contract.buyer.mobile),
    kv(t.address, contract.buyer.address),
    kv(t.employer, contract.buyer.employer),
    section(t.vehicle),
    kv(t.model, terms.model),
    kv(t.trim, terms.trim),
    kv(t.colour, terms.colour),
    kv(t.vin, contract.vin),
    section(t.price),
    kv(t.vehiclePrice, fen(terms.vehiclePrice)),
    kv(t.options, fen(terms.factoryOptions)),
    kv(t.accessories, fen(terms.accessories)),
    kv(t.services, [...services, ...declined].join('；') || '—'),
    kv(t.tradeIn, fen(terms.tradeInCredit)),
    { ...(kv(t.total, fen(terms.total)) as object), bold: true } as Content,
    kv(
      t.paymentMethod,
      `${t.paymentKind[terms.paymentKind === 'loan' ? 'loan' : 'full']} · ${paymentMethodLabels[String(terms.paymentMethod)]?.[lang] ?? terms.paymentMethod}`,
    ),
    ...(loan ? [kv('', loan)] : []),
    kv(t.deliveryDate, terms.deliveryDate),
    kv(t.deliveryPlace, terms.deliveryPlace),
    ...(terms.specialTerms ? [kv(t.specialTerms, terms.specialTerms)] : []),
    ...(contract.changes.length
      ? [
          section(t.changes),
          kv(t.amendReason, contract.amendReason),
          ...contract.changes.map((c) => kv(c.field, `${c.before ?? '—'} → ${c.after ?? '—'}`)),
        ]
      : []),
    section(t.clauses),
    { text: settings.contractClauses[lang] ?? '', fontSize: 8, lineHeight: 1.25 },
    {
      // the signatures stay on one page with their heading
      unbreakable: true,
      stack: [
        section(t.signatures),
        {
          columns: [
            signatureCell(t.customerSignature, row.customer_signature, row.customer_signed_at),
            signatureCell(
              `${t.consultantSignature}${contract.signatures.consultant ? `（${contract.signatures.consultant.by}）` : ''}`,
              row.consultant_signature,
              row.consultant_signed_at,
            ),
          ],
        },
      ],
    },
  ];
  const definition: TDocumentDefinitions = {
    info: { title: `${t.title} ${contract.number}` },
    pageSize: 'A4',
    pageMargins: [44, 40, 44, 40],
    defaultStyle: { font: 'NotoSans', fontSize: 9, lineHeight: 1.15 },
    content,
  };
  return renderPdf(definition);
}
