//! Self-contained SVG line charts, written by hand (no font or system library needed).

use std::fmt::Write;

use super::escape_xml;

/// One point of a line: its value at `x`, and the band around it (non-finite `lo`/`hi` draw no
/// band at that x; a non-finite `y` breaks the line there).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub lo: f64,
    pub hi: f64,
}

impl Point {
    /// A point without a band.
    pub fn bare(x: f64, y: f64) -> Point {
        Point {
            x,
            y,
            lo: f64::NAN,
            hi: f64::NAN,
        }
    }
}

impl From<&crate::study::PathPoint> for Point {
    fn from(p: &crate::study::PathPoint) -> Point {
        Point {
            x: p.tau as f64,
            y: p.caar,
            lo: p.lo,
            hi: p.hi,
        }
    }
}

/// One line, with an optional band around it.
pub struct Series<'a> {
    pub name: &'a str,
    pub points: Vec<Point>,
}

/// A chart of one or more lines over numeric x values.
pub struct LineChart<'a> {
    pub title: &'a str,
    pub x_label: &'a str,
    pub y_label: &'a str,
    pub series: Vec<Series<'a>>,
    /// Draw y values as percentages.
    pub percent: bool,
    /// Draw a dashed vertical line at x = 0 (day 0).
    pub mark_zero: bool,
}

/// A single line with a band (kept for the study plot).
pub struct BandChart<'a> {
    pub title: &'a str,
    pub x_label: &'a str,
    pub y_label: &'a str,
    pub points: &'a [Point],
    pub percent: bool,
}

const COLORS: &[&str] = &[
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#e377c2",
    "#7f7f7f", "#bcbd22",
];

pub const WIDTH: f64 = 720.0;
pub const HEIGHT: f64 = 420.0;

/// Render a single-line chart as an SVG document.
pub fn band_chart(c: &BandChart<'_>) -> String {
    svg_document(&[line_chart(&LineChart {
        title: c.title,
        x_label: c.x_label,
        y_label: c.y_label,
        series: vec![Series {
            name: "",
            points: c.points.to_vec(),
        }],
        percent: c.percent,
        mark_zero: true,
    })])
}

/// Stack charts (each from `line_chart`) vertically in one SVG document.
pub fn svg_document(charts: &[String]) -> String {
    let h = HEIGHT * charts.len() as f64;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{h}\" viewBox=\"0 0 {WIDTH} {h}\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    );
    for (i, c) in charts.iter().enumerate() {
        let _ = writeln!(
            s,
            "<g transform=\"translate(0,{})\">\n{c}</g>",
            HEIGHT * i as f64
        );
    }
    s.push_str("</svg>\n");
    s
}

/// The body of one chart (place it with `svg_document`).
pub fn line_chart(c: &LineChart<'_>) -> String {
    let (w, h) = (WIDTH, HEIGHT);
    let (left, right, top, bottom) = (70.0, 20.0, 40.0, 50.0);
    let pw = w - left - right;
    let ph = h - top - bottom;
    let all: Vec<&Point> = c.series.iter().flat_map(|s| s.points.iter()).collect();
    let mut ys: Vec<f64> = all.iter().map(|p| p.y).filter(|v| v.is_finite()).collect();
    for p in &all {
        if p.lo.is_finite() {
            ys.push(p.lo);
        }
        if p.hi.is_finite() {
            ys.push(p.hi);
        }
    }
    ys.push(0.0);
    let xs: Vec<f64> = all.iter().map(|p| p.x).collect();
    let (x0, x1) = if xs.is_empty() {
        (-1.0, 1.0)
    } else {
        (
            xs.iter().cloned().fold(f64::INFINITY, f64::min),
            xs.iter().cloned().fold(f64::NEG_INFINITY, f64::max),
        )
    };
    let (mut y0, mut y1) = (
        ys.iter().cloned().fold(f64::INFINITY, f64::min),
        ys.iter().cloned().fold(f64::NEG_INFINITY, f64::max),
    );
    if y1.partial_cmp(&y0) != Some(std::cmp::Ordering::Greater) {
        y0 -= 0.01;
        y1 += 0.01;
    }
    let pad = (y1 - y0) * 0.05;
    y0 -= pad;
    y1 += pad;
    // "nice" ticks: a step of 1, 2, 2.5 or 5 × 10^k, about five of them
    let raw = (y1 - y0) / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    y0 = (y0 / step).floor() * step;
    y1 = (y1 / step).ceil() * step;
    let n_ticks = ((y1 - y0) / step).round() as i64;
    let x_span = if x1 > x0 { x1 - x0 } else { 1.0 };
    let sx = |x: f64| left + (x - x0) / x_span * pw;
    let sy = |y: f64| top + (y1 - y) / (y1 - y0) * ph;
    let fmt_y = |y: f64| {
        if c.percent {
            format!("{:.1}%", y * 100.0 + 0.0)
        } else {
            format!("{:.2}", y + 0.0)
        }
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        r##"<text x="{}" y="22" text-anchor="middle" font-size="15" font-weight="bold">{}</text>"##,
        w / 2.0,
        escape_xml(c.title)
    );
    for i in 0..=n_ticks {
        let y = y0 + step * i as f64;
        let py = sy(y);
        let _ = writeln!(
            s,
            r##"<line x1="{left}" x2="{}" y1="{py:.1}" y2="{py:.1}" stroke="#e5e5e5"/><text x="{}" y="{:.1}" text-anchor="end">{}</text>"##,
            left + pw,
            left - 6.0,
            py + 4.0,
            escape_xml(&fmt_y(y))
        );
    }
    let xstep = ((x_span / 12.0).ceil()).max(1.0) as i64;
    let mut x = x0.ceil() as i64;
    while x as f64 <= x1 {
        let px = sx(x as f64);
        let _ = writeln!(
            s,
            r##"<line x1="{px:.1}" x2="{px:.1}" y1="{}" y2="{}" stroke="#999"/><text x="{px:.1}" y="{}" text-anchor="middle">{x:+}</text>"##,
            top + ph,
            top + ph + 4.0,
            top + ph + 18.0
        );
        x += xstep;
    }
    let _ = writeln!(
        s,
        r##"<line x1="{left}" x2="{}" y1="{:.1}" y2="{:.1}" stroke="#555" stroke-dasharray="4 3"/>"##,
        left + pw,
        sy(0.0),
        sy(0.0)
    );
    if c.mark_zero && x0 <= 0.0 && x1 >= 0.0 {
        let _ = writeln!(
            s,
            r##"<line x1="{:.1}" x2="{:.1}" y1="{top}" y2="{}" stroke="#555" stroke-dasharray="4 3"/>"##,
            sx(0.0),
            sx(0.0),
            top + ph
        );
    }
    for (k, ser) in c.series.iter().enumerate() {
        let color = COLORS[k % COLORS.len()];
        let band: Vec<&Point> = ser
            .points
            .iter()
            .filter(|p| p.lo.is_finite() && p.hi.is_finite())
            .collect();
        if band.len() >= 2 {
            let mut d = String::new();
            for (i, p) in band.iter().enumerate() {
                let _ = write!(
                    d,
                    "{}{:.1},{:.1} ",
                    if i == 0 { "M" } else { "L" },
                    sx(p.x),
                    sy(p.hi)
                );
            }
            for p in band.iter().rev() {
                let _ = write!(d, "L{:.1},{:.1} ", sx(p.x), sy(p.lo));
            }
            let _ = writeln!(
                s,
                r##"<path d="{d}Z" fill="{color}" fill-opacity="0.18" stroke="none"/>"##
            );
        }
        // the line, broken where a value is missing
        let mut d = String::new();
        let mut pen_down = false;
        for p in &ser.points {
            if !p.y.is_finite() {
                pen_down = false;
                continue;
            }
            let _ = write!(
                d,
                "{}{:.1},{:.1} ",
                if pen_down { "L" } else { "M" },
                sx(p.x),
                sy(p.y)
            );
            pen_down = true;
        }
        let _ = writeln!(
            s,
            r##"<path d="{d}" fill="none" stroke="{color}" stroke-width="2"/>"##
        );
        if ser.points.len() <= 40 {
            for p in ser.points.iter().filter(|p| p.y.is_finite()) {
                let _ = writeln!(
                    s,
                    r##"<circle cx="{:.1}" cy="{:.1}" r="2.5" fill="{color}"/>"##,
                    sx(p.x),
                    sy(p.y)
                );
            }
        }
        if !ser.name.is_empty() {
            let ly = top + 14.0 + 16.0 * k as f64;
            let _ = writeln!(
                s,
                r##"<line x1="{}" x2="{}" y1="{ly}" y2="{ly}" stroke="{color}" stroke-width="3"/><text x="{}" y="{}">{}</text>"##,
                left + 10.0,
                left + 30.0,
                left + 36.0,
                ly + 4.0,
                escape_xml(ser.name)
            );
        }
    }
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" text-anchor="middle">{}</text>
<text transform="translate(16,{}) rotate(-90)" text-anchor="middle">{}</text>"##,
        left + pw / 2.0,
        h - 10.0,
        escape_xml(c.x_label),
        top + ph / 2.0,
        escape_xml(c.y_label)
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt((x, y, lo, hi): (f64, f64, f64, f64)) -> Point {
        Point { x, y, lo, hi }
    }

    #[test]
    fn chart_is_svg_with_escaped_text_and_one_point_per_day() {
        let pts = [
            (-1.0, 0.0, -0.01, 0.01),
            (0.0, 0.05, 0.03, 0.07),
            (1.0, 0.06, 0.03, 0.09),
        ]
        .map(pt);
        let svg = band_chart(&BandChart {
            title: "CAAR <AI deals>",
            x_label: "day",
            y_label: "CAAR",
            points: &pts,
            percent: true,
        });
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("CAAR &lt;AI deals&gt;"));
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(svg.matches("fill-opacity=\"0.18\"").count(), 1);
    }

    #[test]
    fn multi_series_with_legend_and_gaps() {
        let c = line_chart(&LineChart {
            title: "t",
            x_label: "x",
            y_label: "y",
            series: vec![
                Series {
                    name: "AI <deals>",
                    points: [
                        (0.0, 0.1, f64::NAN, f64::NAN),
                        (1.0, f64::NAN, f64::NAN, f64::NAN),
                        (2.0, 0.2, f64::NAN, f64::NAN),
                    ]
                    .map(pt)
                    .to_vec(),
                },
                Series {
                    name: "control",
                    points: vec![pt((0.0, 0.0, f64::NAN, f64::NAN))],
                },
            ],
            percent: false,
            mark_zero: false,
        });
        assert!(c.contains("AI &lt;deals&gt;"));
        // the first line is broken at the missing value: two "M" moves
        let first_path = c
            .lines()
            .find(|l| l.starts_with("<path d=\"M") && l.contains("stroke=\"#1f77b4\""))
            .unwrap();
        assert_eq!(first_path.matches('M').count(), 2, "{first_path}");
        let doc = svg_document(&[c.clone(), c]);
        assert_eq!(doc.matches("<g transform=").count(), 2);
    }
}
