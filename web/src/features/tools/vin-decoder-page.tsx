import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app-shell/page-header';
import { NumberCheckCard } from './number-check-card';
import { VinDecoderCard } from './vin-decoder-card';
import './tools.css';

/** Tools → VIN and numbers: the VIN decoder and the identity / company / phone / plate checks. */
export function VinDecoderPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('menu.vinCheck')} />
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={14}>
          <VinDecoderCard />
        </Col>
        <Col xs={24} xl={10}>
          <NumberCheckCard />
        </Col>
      </Row>
    </>
  );
}
