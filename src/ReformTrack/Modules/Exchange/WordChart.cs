using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace ReformTrack.Modules.Exchange;

/// <summary>One coloured series of a chart: its name and one value per category.</summary>
internal sealed record ChartSeries(string Name, string RgbColour, IReadOnlyList<int> Values);

/// <summary>
/// Charts drawn by Word itself (DrawingML charts), not pictures: they need no graphics library or
/// fonts on the server, print sharply, and the office can restyle them. The values are written
/// into the chart as literals, so the document carries no spreadsheet.
/// </summary>
internal static class WordChart
{
    private const long EmuPerTwip = 635;

    /// <summary>A horizontal stacked bar chart, one bar per category, as a paragraph to place in the body.</summary>
    public static Paragraph StackedBars(MainDocumentPart main, uint drawingId, string name,
        IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, long widthTwips)
    {
        var part = main.AddNewPart<ChartPart>();
        var bars = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.Stacked },
            new C.VaryColors { Val = false });
        for (var i = 0; i < series.Count; i++)
        {
            bars.Append(Series((uint)i, categories, series[i]));
        }

        bars.Append(new C.GapWidth { Val = 60 }, new C.Overlap { Val = 100 }, new C.AxisId { Val = 1U }, new C.AxisId { Val = 2U });
        part.ChartSpace = new C.ChartSpace(
            new C.EditingLanguage { Val = "zh-CN" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.AutoTitleDeleted { Val = true },
                new C.PlotArea(new C.Layout(), bars, CategoryAxis(), ValueAxis()),
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));

        var width = widthTwips * EmuPerTwip;
        var height = (categories.Count * 330L + 1100L) * EmuPerTwip;
        return new Paragraph(new Run(new Drawing(new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = drawingId, Name = name },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(part) })
            {
                Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
            }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        })));
    }

    private static C.BarChartSeries Series(uint index, IReadOnlyList<string> categories, ChartSeries series)
    {
        var labels = new C.StringLiteral(new C.PointCount { Val = (uint)categories.Count });
        var values = new C.NumberLiteral(new C.FormatCode("General"), new C.PointCount { Val = (uint)categories.Count });
        for (var i = 0; i < categories.Count; i++)
        {
            labels.Append(new C.StringPoint(new C.NumericValue(categories[i])) { Index = (uint)i });
            values.Append(new C.NumericPoint(new C.NumericValue(series.Values[i].ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                Index = (uint)i,
            });
        }

        return new C.BarChartSeries(
            new C.Index { Val = index },
            new C.Order { Val = index },
            new C.SeriesText(new C.NumericValue(series.Name)),
            new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = series.RgbColour })),
            new C.InvertIfNegative { Val = false },
            new C.CategoryAxisData(labels),
            new C.Values(values));
    }

    /// <summary>Categories top to bottom in the given order.</summary>
    private static C.CategoryAxis CategoryAxis() => new(
        new C.AxisId { Val = 1U },
        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = C.AxisPositionValues.Left },
        new C.MajorTickMark { Val = C.TickMarkValues.None },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low },
        new C.CrossingAxis { Val = 2U },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.AutoLabeled { Val = true },
        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
        new C.LabelOffset { Val = 100 },
        new C.NoMultiLevelLabels { Val = false });

    /// <summary>Counts along the bottom (the category axis runs top to bottom, so the value axis crosses at its end).</summary>
    private static C.ValueAxis ValueAxis() => new(
        new C.AxisId { Val = 2U },
        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
        new C.MajorGridlines(),
        new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = 1U },
        new C.Crosses { Val = C.CrossesValues.Maximum },
        new C.CrossBetween { Val = C.CrossBetweenValues.Between });
}
