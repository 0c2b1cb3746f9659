namespace CinemaStats.Web.Operations;

/// <summary>Where each node of the lineage graph goes: one column per step from the raw sources, rows in order within a column.</summary>
public sealed record LineageLayout(IReadOnlyList<LineageLayout.Box> Boxes, IReadOnlyList<LineageLayout.Arrow> Arrows, double Width, double Height)
{
    public const double BoxWidth = 170, BoxHeight = 34, ColumnGap = 60, RowGap = 16, Margin = 8;

    public sealed record Box(string Id, string Kind, string? Partitioning, double X, double Y);

    public sealed record Arrow(string From, string To, double X1, double Y1, double X2, double Y2);

    public static LineageLayout Of(LineageView lineage)
    {
        var upstream = lineage.Edges.GroupBy(e => e.To).ToDictionary(g => g.Key, g => g.Select(e => e.From).ToList());
        var depth = new Dictionary<string, int>();
        int DepthOf(string id, HashSet<string> visiting)
        {
            if (depth.TryGetValue(id, out var known))
            {
                return known;
            }
            // A cycle should not exist; if it did, cut it here rather than loop.
            var d = !visiting.Add(id) || !upstream.TryGetValue(id, out var parents) ? 0 : parents.Max(p => DepthOf(p, visiting)) + 1;
            visiting.Remove(id);
            return depth[id] = d;
        }
        foreach (var node in lineage.Nodes)
        {
            DepthOf(node.Id, []);
        }
        var boxes = new List<Box>();
        foreach (var column in lineage.Nodes.GroupBy(n => depth[n.Id]).OrderBy(g => g.Key))
        {
            var row = 0;
            foreach (var node in column)
            {
                boxes.Add(new Box(node.Id, node.Kind, node.Partitioning, Margin + column.Key * (BoxWidth + ColumnGap), Margin + row++ * (BoxHeight + RowGap)));
            }
        }
        var at = boxes.ToDictionary(b => b.Id);
        var arrows = lineage.Edges.Where(e => at.ContainsKey(e.From) && at.ContainsKey(e.To))
            .Select(e => new Arrow(e.From, e.To, at[e.From].X + BoxWidth, at[e.From].Y + BoxHeight / 2, at[e.To].X, at[e.To].Y + BoxHeight / 2))
            .ToList();
        var width = boxes.Count == 0 ? 0 : boxes.Max(b => b.X) + BoxWidth + Margin;
        var height = boxes.Count == 0 ? 0 : boxes.Max(b => b.Y) + BoxHeight + Margin;
        return new LineageLayout(boxes, arrows, width, height);
    }
}
