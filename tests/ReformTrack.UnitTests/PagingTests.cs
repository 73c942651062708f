using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;

namespace ReformTrack.UnitTests;

public sealed class PagingTests
{
    [Fact]
    public void Defaults_are_the_first_page_of_50() => Assert.Equal(new PageRequest(1, 50), PageRequest.From(null, null));

    [Theory]
    [InlineData(0, 10, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 201, "pageSize")]
    public void Out_of_range_pages_name_the_field(int page, int size, string field) =>
        Assert.Equal(field, Assert.Throws<RuleViolation>(() => PageRequest.From(page, size)).Field);

    [Fact]
    public void Skip_counts_whole_pages() => Assert.Equal(200, PageRequest.From(5, 50).Skip);

    [Theory]
    [InlineData("dueOn", "DueOn", false)]
    [InlineData("-progress", "Progress", true)]
    [InlineData(null, "Code", false)]
    public void Sort_is_read_from_its_name(string? sort, string by, bool descending) =>
        Assert.Equal(new LedgerOrder(Enum.Parse<LedgerSort>(by), descending), LedgerOrder.Parse(sort));

    [Fact]
    public void Unknown_sort_fields_are_refused() =>
        Assert.Equal("sort", Assert.Throws<RuleViolation>(() => LedgerOrder.Parse("colour")).Field);
}
