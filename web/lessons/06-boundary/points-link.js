// The learner's own points (clicked, moved, imported) in the lesson's link, so a shared URL
// shows the same data: `pts` the training points, `tpts` the test points, each "x1_x2_label"
// joined by "*" (characters a URL keeps as they are), coordinates to 2 decimals; `names` the
// class names joined by "*" when they are not the generated sets' "0", "1", ….
// Restoring goes through the core's CSV reader, which refuses what is malformed (non-numbers,
// one class only, too many rows or classes) with the same coded errors as an imported file.
export const LINK_MAX_POINTS = 2000;  // about 30 kB of URL; more: the CSV export shares them

const round = (v) => String(+v.toFixed(2));

function encode(points) {
  const out = [];
  for (let i = 0; i < points.x1.length; i++) out.push(`${round(points.x1[i])}_${round(points.x2[i])}_${points.label[i]}`);
  return out.join('*');
}

const numbered = (names) => names.every((name, k) => name === String(k));

// {pts, tpts, names} for the link, or null when there are too many points for one.
export function pointsLink(data) {
  if (data.train.x1.length + data.test.x1.length > LINK_MAX_POINTS) return null;
  return {
    pts: encode(data.train),
    tpts: encode(data.test),
    names: numbered(data.classNames) ? '' : data.classNames.join('*'),
  };
}

// The data set {train, test, classes, classNames} a link describes; throws what the core's CSV
// reader throws for malformed points, or an Error with code 'bad_link' when the link is not
// made of points at all.
export function pointsFromLink(core, { pts, tpts, names }) {
  const rows = (text) => (text === '' ? [] : text.split('*'));
  const train = rows(pts), test = rows(tpts);
  const malformed = () => Object.assign(new Error('bad points in the link'), { code: 'bad_link' });
  const number = /^-?\d+(\.\d+)?$/;
  const wellFormed = (r) => { const f = r.split('_'); return f.length === 3 && number.test(f[0]) && number.test(f[1]) && /^\d$/.test(f[2]); };
  if (train.length === 0 || train.length + test.length > LINK_MAX_POINTS || !train.every(wellFormed) || !test.every(wellFormed)) throw malformed();
  const csv = [...train, ...test].map((r) => r.split('_').join(',')).join('\n');
  const parsed = core.boundaryParseCsv(csv);
  if (parsed.points.x1.length !== train.length + test.length) throw malformed();
  const given = names === '' ? null : names.split('*');
  // The reader numbers the classes in label order; the link's labels are class indices.
  const classNames = parsed.classNames.map((label) => given?.[Number(label)] ?? label);
  const slice = (from, to) => ({
    x1: Array.from(parsed.points.x1).slice(from, to),
    x2: Array.from(parsed.points.x2).slice(from, to),
    label: Array.from(parsed.points.label).slice(from, to),
  });
  return {
    train: slice(0, train.length),
    test: slice(train.length, train.length + test.length),
    classes: parsed.classes,
    classNames,
  };
}
