import { useEffect, useRef } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** A finger/mouse signature box: reports the drawing as a PNG data URL (null while empty). */
export function SignaturePad({ onChange }: { onChange: (png: string | null) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);
  useEffect(() => {
    const c = canvas.current!;
    const ctx = c.getContext('2d')!;
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#111';
    const at = (e: PointerEvent) => {
      const r = c.getBoundingClientRect();
      return [
        ((e.clientX - r.left) * c.width) / r.width,
        ((e.clientY - r.top) * c.height) / r.height,
      ] as const;
    };
    const down = (e: PointerEvent) => {
      drawing.current = true;
      c.setPointerCapture(e.pointerId);
      const [x, y] = at(e);
      ctx.beginPath();
      ctx.moveTo(x, y);
    };
    const move = (e: PointerEvent) => {
      if (!drawing.current) return;
      const [x, y] = at(e);
      ctx.lineTo(x, y);
      ctx.stroke();
      drawn.current = true;
    };
    const up = () => {
      if (!drawing.current) return;
      drawing.current = false;
      onChange(drawn.current ? c.toDataURL('image/png') : null);
    };
    c.addEventListener('pointerdown', down);
    c.addEventListener('pointermove', move);
    c.addEventListener('pointerup', up);
    c.addEventListener('pointerleave', up);
    return () => {
      c.removeEventListener('pointerdown', down);
      c.removeEventListener('pointermove', move);
      c.removeEventListener('pointerup', up);
      c.removeEventListener('pointerleave', up);
    };
  }, [onChange]);
  const clear = () => {
    const c = canvas.current!;
    c.getContext('2d')!.clearRect(0, 0, c.width, c.height);
    drawn.current = false;
    onChange(null);
  };
  return (
    <div>
      <canvas
        ref={canvas}
        width={600}
        height={180}
        data-testid="signature-pad"
        aria-label={t('service.handover.signHere')}
        style={{
          width: '100%',
          maxWidth: 600,
          height: 180,
          border: '1px dashed #99a',
          borderRadius: 8,
          touchAction: 'none',
          background: '#fff',
        }}
      />
      <Button size="small" onClick={clear}>
        {t('service.handover.clear')}
      </Button>
    </div>
  );
}
