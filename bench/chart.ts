import { createWriteStream, existsSync } from 'node:fs';
import * as PImage from 'pureimage';
import type { BenchResult } from './report.ts';

const fontPath = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const colours = { technician: '#1c7ed6', coManaged: '#e8590c', portalManager: '#2f9e44' } as const;

/** p50 of the first list page at 8 connections against the number of tickets (log scale), one line per actor. */
export async function drawChart(results: BenchResult[], file: string): Promise<void> {
  const series = results.filter((result) => result.target === 'postgres').sort((a, b) => a.size - b.size);
  if (series.length === 0) return;
  const width = 900;
  const height = 520;
  const image = PImage.make(width, height);
  const context = image.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  const hasFont = existsSync(fontPath);
  if (hasFont) {
    const font = PImage.registerFont(fontPath, 'DejaVu');
    await font.load();
  }
  const left = 80;
  const right = width - 200;
  const top = 50;
  const bottom = height - 70;
  const sizes = series.map((result) => result.size);
  const minLog = Math.log10(Math.min(...sizes));
  const maxLog = Math.max(minLog + 1, Math.log10(Math.max(...sizes)));
  const values = series.flatMap((result) =>
    Object.values(result.actors).map((actor) => actor.api['list first page']?.[8]?.p50 ?? 0),
  );
  const maxValue = Math.max(5, ...values) * 1.15;
  const x = (size: number) => left + ((Math.log10(size) - minLog) / (maxLog - minLog)) * (right - left);
  const y = (value: number) => bottom - (value / maxValue) * (bottom - top);

  context.strokeStyle = '#868e96';
  context.lineWidth = 1;
  context.beginPath();
  context.moveTo(left, top);
  context.lineTo(left, bottom);
  context.lineTo(right, bottom);
  context.stroke();
  if (hasFont) {
    context.fillStyle = '#212529';
    context.font = "18px 'DejaVu'";
    context.fillText('Ticket list, first page: p50 latency (ms) at 8 connections, PostgreSQL', left, 30);
    context.font = "13px 'DejaVu'";
    for (const size of sizes) context.fillText(size.toLocaleString('en'), x(size) - 20, bottom + 22);
    context.fillText('tickets (log scale)', (left + right) / 2 - 50, bottom + 48);
    for (let step = 0; step <= 4; step++) {
      const value = (maxValue / 4) * step;
      context.fillText(value.toFixed(1), 20, y(value) + 4);
    }
  }
  for (const [actor, colour] of Object.entries(colours)) {
    const points = series.map((result) => ({
      size: result.size,
      value: result.actors[actor as keyof typeof colours]?.api['list first page']?.[8]?.p50,
    }));
    context.strokeStyle = colour;
    context.fillStyle = colour;
    context.lineWidth = 3;
    context.beginPath();
    points.forEach((point, index) => {
      if (point.value === undefined) return;
      if (index === 0) context.moveTo(x(point.size), y(point.value));
      else context.lineTo(x(point.size), y(point.value));
    });
    context.stroke();
    for (const point of points)
      if (point.value !== undefined) context.fillRect(x(point.size) - 4, y(point.value) - 4, 8, 8);
    if (hasFont) {
      const index = Object.keys(colours).indexOf(actor);
      context.fillRect(right + 20, top + index * 26, 14, 14);
      context.font = "14px 'DejaVu'";
      context.fillText(actor, right + 42, top + 12 + index * 26);
    }
  }
  await PImage.encodePNGToStream(image, createWriteStream(file));
}
