namespace ReformTrack.Shared;

/// <summary>One page of a list, with the total across all pages.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

/// <summary>Page number and size as asked for, clamped to what the server gives.</summary>
internal readonly record struct PageRequest(int Number, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public int Skip => (Number - 1) * Size;

    /// <summary>Throws a rule violation naming the field when the page or size is out of range.</summary>
    public static PageRequest From(int? page, int? pageSize)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultSize;
        if (number < 1)
        {
            throw new RuleViolation("PageStartsAtOne", "The page number starts at 1.", "page");
        }

        if (size is < 1 or > MaxSize)
        {
            throw new RuleViolation("PageSizeIsCapped", $"The page size is between 1 and {MaxSize}.", "pageSize", MaxSize);
        }

        return new PageRequest(number, size);
    }
}
