import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { bodyTypes, energies, featureKeys } from '@common/catalog/catalog.enums';
import { carPurposes, homeChargingAnswers, paymentPreferences } from '@common/crm/needs-analysis.schemas';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useBrands } from '../catalog/catalog-api';
import { localName } from '../catalog/catalog-format';
import { NeedsRecommendation } from './needs-recommendation';
import { PlanBuilder } from './plan-builder';
import {
  useLatestNeeds,
  useLead,
  useRecommendations,
  useSaveNeeds,
  type NeedsAnswersInput,
} from './needs-api';
import '../catalog/catalog.css';

/** The form works in yuan; the API in 分. */
interface FormValues extends Omit<NeedsAnswersInput, 'budgetMin' | 'budgetMax'> {
  budgetMin?: number | null;
  budgetMax?: number | null;
}
const toFen = (yuan?: number | null) => (yuan === null || yuan === undefined ? null : Math.round(yuan * 100));
const toYuan = (fen: number | null) => (fen === null ? null : fen / 100);

/** Which fields each step asks (one form across the steps, so going back keeps the answers). */
const stepFields: (keyof FormValues)[][] = [
  ['purposes', 'annualKm', 'budgetMin', 'budgetMax', 'payment'],
  ['familySize', 'seatsNeeded', 'bodyTypes', 'energies', 'homeCharging'],
  ['mustHave', 'niceToHave'],
  ['brandIds', 'competitorModels', 'notes'],
];

/**
 * The needs analysis wizard of a lead (H3.3.1 → H3.2.1 → H3.3.2): use and budget, family and body and
 * energy, features, brands and competitors; then the recommendation with its reasons and the purchase
 * plan, priced live with the same rules as the server.
 */
export function NeedsWizardPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [step, setStep] = useState(0);
  const [chosen, setChosen] = useState<string[]>([]);
  const lead = useLead(id);
  const latest = useLatestNeeds(id);
  const save = useSaveNeeds(id);
  const brands = useBrands();
  const [needsId, setNeedsId] = useState<string | null>(null);
  const recommendations = useRecommendations(needsId);

  useEffect(() => {
    const l = latest.data;
    if (!l) return;
    setNeedsId(l.id);
    form.setFieldsValue({
      ...l.answers,
      budgetMin: toYuan(l.answers.budgetMin),
      budgetMax: toYuan(l.answers.budgetMax),
    });
  }, [latest.data, form]);

  const featureOptions = featureKeys.map((f) => ({ value: f, label: t(`catalog.features.${f}`) }));
  const next = async () => {
    if (step < 3) {
      await form.validateFields(stepFields[step]);
      setStep(step + 1);
      return;
    }
    if (step === 3) {
      const values = await form.validateFields();
      const all = { ...form.getFieldsValue(true), ...values } as FormValues;
      const answers: NeedsAnswersInput = {
        ...all,
        budgetMin: toFen(all.budgetMin),
        budgetMax: toFen(all.budgetMax),
      };
      save.mutate(
        { version: latest.data?.version, answers },
        {
          onSuccess: (saved) => {
            setNeedsId(saved.id);
            void message.success(t('needs.saved', { version: saved.version }));
            setStep(4);
          },
          onError: (error) => void message.error(describeError(error)),
        },
      );
      return;
    }
    setStep(5);
  };

  const version = latest.data;
  const hidden = (s: number) => ({ display: step === s ? undefined : 'none' });
  return (
    <>
      <PageHeader
        title={t('needs.title')}
        extra={
          <Space>
            {lead.data && (
              <Typography.Text type="secondary">
                {t('needs.forLead', { number: lead.data.number, customer: lead.data.customerName })}
              </Typography.Text>
            )}
            <Tag color={version ? 'blue' : 'default'}>
              {version ? t('needs.version', { version: version.version }) : t('needs.noVersion')}
            </Tag>
          </Space>
        }
      />
      <div className="fc-panel">
        <Steps
          size="small"
          current={step}
          onChange={(s) => s < step && setStep(s)}
          items={(['use', 'family', 'features', 'brands', 'recommend', 'plan'] as const).map((k) => ({
            title: t(`needs.steps.${k}`),
          }))}
          style={{ marginBottom: 24 }}
        />
        {version && version.changed.length > 0 && step < 4 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('needs.changed', {
              fields: version.changed.map((f) => t(`needs.fields.${f as keyof FormValues}`)).join(', '),
            })}
          />
        )}
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={{
            purposes: [],
            payment: 'full',
            bodyTypes: [],
            energies: [],
            homeCharging: 'unsure',
            mustHave: [],
            niceToHave: [],
            brandIds: [],
            competitorModels: [],
          }}
          style={{ maxWidth: 760, display: step < 4 ? undefined : 'none' }}
        >
          <div style={hidden(0)}>
            <Form.Item name="purposes" label={t('needs.fields.purposes')}>
              <Select
                mode="multiple"
                options={carPurposes.map((p) => ({ value: p, label: t(`needs.purposes.${p}`) }))}
              />
            </Form.Item>
            <Space size="large" wrap>
              <Form.Item name="annualKm" label={t('needs.fields.annualKm')}>
                <InputNumber min={0} max={300000} step={1000} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="budgetMin" label={t('needs.fields.budgetMin')}>
                <InputNumber min={0} step={10000} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item
                name="budgetMax"
                label={t('needs.fields.budgetMax')}
                dependencies={['budgetMin']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, v?: number | null) =>
                      v == null || getFieldValue('budgetMin') == null || v >= getFieldValue('budgetMin')
                        ? Promise.resolve()
                        : Promise.reject(new Error(`≥ ${getFieldValue('budgetMin')}`)),
                  }),
                ]}
              >
                <InputNumber min={0} step={10000} style={{ width: 180 }} />
              </Form.Item>
            </Space>
            <Form.Item name="payment" label={t('needs.fields.payment')}>
              <Radio.Group
                optionType="button"
                options={paymentPreferences.map((p) => ({ value: p, label: t(`needs.payments.${p}`) }))}
              />
            </Form.Item>
          </div>
          <div style={hidden(1)}>
            <Space size="large" wrap>
              <Form.Item name="familySize" label={t('needs.fields.familySize')}>
                <InputNumber min={1} max={20} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="seatsNeeded" label={t('needs.fields.seatsNeeded')}>
                <InputNumber min={1} max={9} style={{ width: 160 }} />
              </Form.Item>
            </Space>
            <Form.Item name="bodyTypes" label={t('needs.fields.bodyTypes')}>
              <Select
                mode="multiple"
                options={bodyTypes.map((b) => ({ value: b, label: t(`catalog.bodyTypes.${b}`) }))}
              />
            </Form.Item>
            <Form.Item name="energies" label={t('needs.fields.energies')}>
              <Select
                mode="multiple"
                options={energies.map((e) => ({ value: e, label: t(`catalog.energies.${e}`) }))}
              />
            </Form.Item>
            <Form.Item name="homeCharging" label={t('needs.fields.homeCharging')}>
              <Radio.Group
                optionType="button"
                options={homeChargingAnswers.map((h) => ({ value: h, label: t(`needs.homeCharging.${h}`) }))}
              />
            </Form.Item>
          </div>
          <div style={hidden(2)}>
            <Form.Item name="mustHave" label={t('needs.fields.mustHave')}>
              <Select mode="multiple" optionFilterProp="label" options={featureOptions} />
            </Form.Item>
            <Form.Item name="niceToHave" label={t('needs.fields.niceToHave')}>
              <Select mode="multiple" optionFilterProp="label" options={featureOptions} />
            </Form.Item>
          </div>
          <div style={hidden(3)}>
            <Form.Item name="brandIds" label={t('needs.fields.brandIds')}>
              <Select
                mode="multiple"
                optionFilterProp="label"
                options={(brands.data ?? []).map((b) => ({ value: b.id, label: localName(b) }))}
              />
            </Form.Item>
            <Form.Item name="competitorModels" label={t('needs.fields.competitorModels')}>
              <Select mode="tags" open={false} placeholder={t('needs.competitorPlaceholder')} />
            </Form.Item>
            <Form.Item name="notes" label={t('needs.fields.notes')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </div>
        </Form>
        {step === 4 && (
          <NeedsRecommendation
            data={recommendations.data}
            loading={recommendations.isPending}
            error={recommendations.error}
            chosen={chosen}
            onChosen={setChosen}
          />
        )}
        {step === 5 && needsId && recommendations.data && (
          <PlanBuilder leadId={id} needsId={needsId} recommendations={recommendations.data} chosen={chosen} />
        )}
        <Space style={{ marginTop: 16 }}>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('needs.back')}</Button>}
          {step < 5 && (
            <Button
              type="primary"
              loading={save.isPending}
              disabled={step === 4 && chosen.length === 0}
              onClick={() => void next()}
            >
              {step === 3 ? t('needs.recommend') : step === 4 ? t('needs.buildPlan') : t('needs.next')}
            </Button>
          )}
        </Space>
      </div>
    </>
  );
}
