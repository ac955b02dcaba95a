import { App, Button, Checkbox, Form, Input, Segmented, Space, Typography, Upload } from 'antd';
import type { FormInstance } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Delivery } from '@common/sales/delivery.schemas';
import type { PdiResult } from '@common/sales/delivery.checklist';
import { describeError } from '../../api/form-errors';
import { readFileBase64 } from './contracts-api';
import { attachmentUrl, useUploadPdiPhoto } from './deliveries-api';
import { documentLabel, pdiItemLabel } from './delivery-labels';

export interface ChecklistValues {
  pdi: { item: string; result: PdiResult; note?: string }[];
  documents: { document: Delivery['documents'][number]['document']; present: boolean }[];
}

/** The pre-delivery inspection (PDI, H5.1.1): pass or fail per item, with a note and photos. */
export function PdiChecklist({
  delivery,
  form,
  disabled,
}: {
  delivery: Delivery;
  form: FormInstance;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const photo = useUploadPdiPhoto();
  const results = (Form.useWatch('pdi', { form, preserve: true }) ?? []) as ChecklistValues['pdi'];
  const upload = async (item: string, file: File) => {
    const dataBase64 = await readFileBase64(file);
    photo.mutate(
      { id: delivery.id, body: { item, mime: file.type, dataBase64 } },
      { onError: (e) => void message.error(describeError(e)) },
    );
  };
  return (
    <Form.List name="pdi">
      {(fields) => (
        <div className="fc-pdi-list" data-testid="pdi-list">
          {fields.map((field) => {
            const item = form.getFieldValue(['pdi', field.name, 'item']) as string;
            const photos = delivery.pdi.find((p) => p.item === item)?.photoIds ?? [];
            return (
              <div
                key={field.key}
                className={`fc-pdi-row fc-pdi-${results[field.name]?.result ?? 'pending'}`}
                data-testid={`pdi-${item}`}
              >
                <span className="fc-pdi-label">{pdiItemLabel(t, item)}</span>
                <Form.Item name={[field.name, 'result']} noStyle>
                  <Segmented<PdiResult>
                    disabled={disabled}
                    options={[
                      { value: 'pending', label: t('sales.pdiResults.pending') },
                      { value: 'pass', label: t('sales.pdiResults.pass') },
                      { value: 'fail', label: t('sales.pdiResults.fail') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'note']} noStyle>
                  <Input
                    disabled={disabled}
                    placeholder={t('sales.delivery.pdiNote')}
                    aria-label={`${pdiItemLabel(t, item)} ${t('sales.delivery.pdiNote')}`}
                    maxLength={300}
                    style={{ width: 200 }}
                  />
                </Form.Item>
                <Space size={4}>
                  <Upload
                    accept="image/png,image/jpeg"
                    showUploadList={false}
                    disabled={disabled}
                    beforeUpload={(file) => {
                      void upload(item, file);
                      return false;
                    }}
                  >
                    <Button
                      icon={<CameraOutlined />}
                      aria-label={t('sales.delivery.addPhoto')}
                      disabled={disabled}
                    />
                  </Upload>
                  {photos.map((id, n) => (
                    <Typography.Link key={id} href={attachmentUrl(id)} target="_blank">
                      {t('sales.delivery.photoN', { n: n + 1 })}
                    </Typography.Link>
                  ))}
                </Space>
              </div>
            );
          })}
        </div>
      )}
    </Form.List>
  );
}

/** The documents handed to the buyer (H5.1.3): certificate of conformity, invoice, manuals, 三包凭证… */
export function DocumentsChecklist({ form, disabled }: { form: FormInstance; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name="documents">
      {(fields) => (
        <div className="fc-documents" data-testid="documents-list">
          {fields.map((field) => {
            const doc = form.getFieldValue(['documents', field.name, 'document']) as string;
            return (
              <Form.Item key={field.key} name={[field.name, 'present']} valuePropName="checked" noStyle>
                <Checkbox disabled={disabled} className="fc-document-check">
                  {documentLabel(t, doc)}
                </Checkbox>
              </Form.Item>
            );
          })}
        </div>
      )}
    </Form.List>
  );
}
