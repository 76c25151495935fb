import type { Provider } from '@angular/core';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { provideCharts } from 'ng2-charts';

/** Chart.js with just the parts the living-lab charts use (bar, doughnut, line); one route provides it. */
export function provideLabCharts(): Provider {
  return provideCharts({
    registerables: [
      BarController,
      BarElement,
      DoughnutController,
      ArcElement,
      LineController,
      LineElement,
      PointElement,
      CategoryScale,
      LinearScale,
      Legend,
      Tooltip,
    ],
  });
}

/** The app's chart palette, in order. */
export const LAB_PALETTE = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457'] as const;
