// Charts on uPlot: plots take plain arrays, and keep their width in step with their container.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export const palette = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#bf3989', '#0a7b83', '#57606a'];

// Creates a uPlot chart inside `container`; `options` are uPlot's, minus width (taken from the
// container, at least minWidth). Returns the chart; call `dispose()` on it to stop observing and
// destroy it.
export function createChart(container, { minWidth = 240, ...options }, data) {
  const width = () => Math.max(minWidth, container.clientWidth || 600);
  const chart = new uPlot({ width: width(), height: options.height ?? 300, ...options }, data, container);
  // Resize in the next frame: resizing inside the observer's callback would re-trigger it.
  let pending = false;
  const observer = new ResizeObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (chart.width !== width()) chart.setSize({ width: width(), height: chart.height });
    });
  });
  observer.observe(container);
  chart.dispose = () => {
    observer.disconnect();
    chart.destroy();
  };
  return chart;
}

export { uPlot };
