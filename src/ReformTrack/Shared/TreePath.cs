namespace ReformTrack.Shared;

/// <summary>Materialised paths of ids (<c>/1/4/17/</c>) shared by the unit and objective trees.</summary>
internal static class TreePath
{
    public static int Depth(string path) => Math.Max(0, path.Count(c => c == '/') - 2);

    /// <summary>A descendant's path after its ancestor moved from <paramref name="oldPrefix"/> to <paramref name="newPrefix"/>.</summary>
    public static string Rebase(string path, string oldPrefix, string newPrefix) =>
        path.StartsWith(oldPrefix, StringComparison.Ordinal)
            ? newPrefix + path[oldPrefix.Length..]
            : throw new InvalidOperationException($"{path} is not under {oldPrefix}.");

    /// <summary>
    /// Nodes in tree order (each parent before its children, siblings by <paramref name="siblingKey"/>).
    /// Nodes whose parent is not in the list start trees of their own.
    /// </summary>
    public static List<T> Order<T>(IReadOnlyCollection<T> nodes, Func<T, int> id, Func<T, int?> parentId,
        Func<T, string> siblingKey)
    {
        var ids = nodes.Select(id).ToHashSet();
        var children = nodes.ToLookup(n => parentId(n) is { } p && ids.Contains(p) ? p : (int?)null);
        var ordered = new List<T>(nodes.Count);
        var stack = new Stack<T>(children[null].OrderByDescending(siblingKey, StringComparer.Ordinal));
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            ordered.Add(node);
            foreach (var child in children[id(node)].OrderByDescending(siblingKey, StringComparer.Ordinal))
            {
                stack.Push(child);
            }
        }

        return ordered;
    }

    /// <summary>Adds each node's own count to all its ancestors' in the list: the count of its subtree.</summary>
    public static Dictionary<int, int> SubtreeTotals<T>(IReadOnlyList<T> treeOrder, Func<T, int> id, Func<T, int?> parentId,
        IReadOnlyDictionary<int, int> own)
    {
        var totals = treeOrder.ToDictionary(id, n => own.GetValueOrDefault(id(n)));
        for (var i = treeOrder.Count - 1; i >= 0; i--)
        {
            var node = treeOrder[i];
            if (parentId(node) is { } parent && totals.ContainsKey(parent))
            {
                totals[parent] += totals[id(node)];
            }
        }

        return totals;
    }
}
