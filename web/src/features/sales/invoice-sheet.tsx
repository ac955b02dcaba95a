import { useTranslation } from 'react-i18next';
import type { Invoice } from '@common/sales/money.schemas';
import { formatMoney } from '../catalog/catalog-format';

/**
 * The data sheet of the 机动车销售统一发票 (H4.3.2), laid out like the form: buyer and taxpayer id,
 * the one vehicle line (type, brand and model, VIN, engine and certificate numbers), 价税合计 in figures
 * and in upper-case words, the VAT rate and amount, the price excluding VAT, and the seller's data.
 */
export function InvoiceSheet({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <div className="fc-invoice-sheet" data-testid="invoice-sheet">
      <div className="fc-invoice-head">
        <div className="fc-invoice-title">{t('sales.invoice.sheetTitle')}</div>
        {invoice.kind === 'red' && <div className="fc-invoice-red">{t('sales.invoice.redLetter')}</div>}
      </div>
      <table className="fc-invoice-grid">
        <tbody>
          <tr>
            <th>{t('sales.invoice.issueDate')}</th>
            <td>{invoice.issueDate ?? none}</td>
            <th>{t('sales.invoice.invoiceCode')}</th>
            <td className="fc-mono">{invoice.invoiceCode ?? none}</td>
            <th>{t('sales.invoice.invoiceNo')}</th>
            <td className="fc-mono">{invoice.invoiceNo ?? none}</td>
          </tr>
          <tr>
            <th>{t('sales.invoice.buyer')}</th>
            <td colSpan={3}>{invoice.buyerName}</td>
            <th>
              {invoice.buyerKind === 'company' ? t('sales.invoice.buyerUscc') : t('sales.invoice.buyerIdNo')}
            </th>
            <td className="fc-mono">{invoice.buyerTaxId}</td>
          </tr>
          <tr>
            <th>{t('sales.invoice.vehicleType')}</th>
            <td>{invoice.vehicleType}</td>
            <th>{t('sales.invoice.brandModel')}</th>
            <td>{invoice.brandModel}</td>
            <th>{t('sales.invoice.origin')}</th>
            <td>{invoice.origin ?? none}</td>
          </tr>
          <tr>
            <th>{t('sales.invoice.cocNo')}</th>
            <td className="fc-mono">{invoice.cocNo ?? none}</td>
            <th>{t('sales.invoice.engineNo')}</th>
            <td className="fc-mono">{invoice.engineNo ?? none}</td>
            <th>{t('sales.invoice.vin')}</th>
            <td className="fc-mono">{invoice.vin}</td>
          </tr>
          <tr>
            <th>{t('sales.invoice.totalInclVat')}</th>
            <td colSpan={3}>
              <span className="fc-invoice-words">
                {t('sales.invoice.inWords')} {invoice.totalInWords}
              </span>
            </td>
            <th>{t('sales.invoice.inFigures')}</th>
            <td>
              <strong data-testid="invoice-total">{formatMoney(invoice.totalInclVat)}</strong>
            </td>
          </tr>
          <tr>
            <th>{t('sales.invoice.sellerName')}</th>
            <td colSpan={3}>{invoice.sellerName}</td>
            <th>{t('sales.invoice.sellerPhone')}</th>
            <td>{invoice.sellerPhone ?? none}</td>
          </tr>
          <tr>
            <th>{t('sales.invoice.sellerTaxId')}</th>
            <td className="fc-mono">{invoice.sellerTaxId}</td>
            <th>{t('sales.invoice.sellerBank')}</th>
            <td>{invoice.sellerBank ?? none}</td>
            <th>{t('sales.invoice.sellerAddress')}</th>
            <td>{invoice.sellerAddress ?? none}</td>
          </tr>
          <tr>
            <th>{t('sales.invoice.vatRate')}</th>
            <td>{invoice.vatRatePercent}%</td>
            <th>{t('sales.invoice.vat')}</th>
            <td data-testid="invoice-vat">{formatMoney(invoice.vat)}</td>
            <th>{t('sales.invoice.priceExclVat')}</th>
            <td data-testid="invoice-excl">{formatMoney(invoice.priceExclVat)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
