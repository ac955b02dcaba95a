import { useEffect, useRef, useState } from 'react';
import type { PointerEvent } from 'react';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * An on-screen signature pad (H4.1.2): an HTML canvas drawn with pointer events (mouse, pen or finger)
 * and exported as a PNG data URL for the server to time-stamp and print on the signed PDF.
 */
export function SignaturePad({
  label,
  onSubmit,
  submitting,
  disabled,
  width = 420,
  height = 160,
}: {
  label: string;
  onSubmit: (dataUrl: string) => void;
  submitting?: boolean;
  disabled?: boolean;
  width?: number;
  height?: number;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
  }, [width, height]);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return {
      x: ((e.clientX - rect.left) * width) / rect.width,
      y: ((e.clientY - rect.top) * height) / rect.height,
    };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (disabled) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drawing.current = true;
    const p = point(e);
    ctx.strokeStyle = '#1a2a6c';
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    setEmpty(false);
  };
  const up = () => {
    drawing.current = false;
  };
  const clear = () => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    setEmpty(true);
  };

  return (
    <div className="fc-signature">
      <canvas
        ref={canvas}
        width={width}
        height={height}
        aria-label={label}
        role="img"
        className="fc-signature-canvas"
        style={{ touchAction: 'none', maxWidth: '100%' }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerLeave={up}
      />
      <Space style={{ marginTop: 8 }}>
        <Button onClick={clear} disabled={disabled || empty}>
          {t('sales.signature.clear')}
        </Button>
        <Button
          type="primary"
          disabled={disabled || empty}
          loading={submitting}
          onClick={() => canvas.current && onSubmit(canvas.current.toDataURL('image/png'))}
        >
          {t('sales.signature.submit', { label })}
        </Button>
      </Space>
    </div>
  );
}
