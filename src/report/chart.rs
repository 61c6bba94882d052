//! Self-contained SVG line charts, written by hand (no font or system library needed).

use std::fmt::Write;

use super::escape_xml;

/// A line with an optional band around it (e.g. a 95% interval), over integer x values.
pub struct BandChart<'a> {
    pub title: &'a str,
    pub x_label: &'a str,
    pub y_label: &'a str,
    /// (x, y, band low, band high); non-finite band values draw no band at that x.
    pub points: &'a [(f64, f64, f64, f64)],
    /// Draw y values as percentages.
    pub percent: bool,
}

/// Render the chart as an SVG document.
pub fn band_chart(c: &BandChart<'_>) -> String {
    let (w, h) = (720.0, 420.0);
    let (left, right, top, bottom) = (70.0, 20.0, 40.0, 50.0);
    let pw = w - left - right;
    let ph = h - top - bottom;
    let xs: Vec<f64> = c.points.iter().map(|p| p.0).collect();
    let mut ys: Vec<f64> = c.points.iter().map(|p| p.1).collect();
    for p in c.points {
        if p.2.is_finite() {
            ys.push(p.2);
        }
        if p.3.is_finite() {
            ys.push(p.3);
        }
    }
    ys.push(0.0);
    let (x0, x1) = (
        xs.iter().cloned().fold(f64::INFINITY, f64::min),
        xs.iter().cloned().fold(f64::NEG_INFINITY, f64::max),
    );
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
            format!("{y:.3}")
        }
    };
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="{}" y="22" text-anchor="middle" font-size="15" font-weight="bold">{}</text>
"##,
        w / 2.0,
        escape_xml(c.title)
    );
    // grid and y ticks
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
    // x ticks at each integer
    let step = ((x_span / 12.0).ceil()).max(1.0) as i64;
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
        x += step;
    }
    // zero line and day-0 line
    let _ = writeln!(
        s,
        r##"<line x1="{left}" x2="{}" y1="{:.1}" y2="{:.1}" stroke="#555" stroke-dasharray="4 3"/>"##,
        left + pw,
        sy(0.0),
        sy(0.0)
    );
    if x0 <= 0.0 && x1 >= 0.0 {
        let _ = writeln!(
            s,
            r##"<line x1="{:.1}" x2="{:.1}" y1="{top}" y2="{}" stroke="#555" stroke-dasharray="4 3"/>"##,
            sx(0.0),
            sx(0.0),
            top + ph
        );
    }
    // band
    let band: Vec<&(f64, f64, f64, f64)> = c
        .points
        .iter()
        .filter(|p| p.2.is_finite() && p.3.is_finite())
        .collect();
    if band.len() >= 2 {
        let mut d = String::new();
        for (i, p) in band.iter().enumerate() {
            let _ = write!(
                d,
                "{}{:.1},{:.1} ",
                if i == 0 { "M" } else { "L" },
                sx(p.0),
                sy(p.3)
            );
        }
        for p in band.iter().rev() {
            let _ = write!(d, "L{:.1},{:.1} ", sx(p.0), sy(p.2));
        }
        let _ = writeln!(
            s,
            r##"<path d="{}Z" fill="#1f77b4" fill-opacity="0.18" stroke="none"/>"##,
            d
        );
    }
    // line and points
    let mut d = String::new();
    for (i, p) in c.points.iter().enumerate() {
        let _ = write!(
            d,
            "{}{:.1},{:.1} ",
            if i == 0 { "M" } else { "L" },
            sx(p.0),
            sy(p.1)
        );
    }
    let _ = writeln!(
        s,
        r##"<path d="{d}" fill="none" stroke="#1f77b4" stroke-width="2"/>"##
    );
    for p in c.points {
        let _ = writeln!(
            s,
            r##"<circle cx="{:.1}" cy="{:.1}" r="2.5" fill="#1f77b4"/>"##,
            sx(p.0),
            sy(p.1)
        );
    }
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" text-anchor="middle">{}</text>
<text transform="translate(16,{}) rotate(-90)" text-anchor="middle">{}</text>
</svg>"##,
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

    #[test]
    fn chart_is_svg_with_escaped_text_and_one_point_per_day() {
        let pts = [
            (-1.0, 0.0, -0.01, 0.01),
            (0.0, 0.05, 0.03, 0.07),
            (1.0, 0.06, 0.03, 0.09),
        ];
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
}
