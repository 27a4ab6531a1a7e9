namespace JiraGate.Jira.Tests.Paging;

public sealed class JiraPagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }
        return list;
    }

    [Fact]
    public void TokenPage_IsLastOrMissingToken_EndsIt()
    {
        Assert.True(JiraPaging.TokenPage<int>([1], isLast: true, "t", null).IsLast);
        Assert.True(JiraPaging.TokenPage<int>([1], isLast: false, null, null).IsLast);
        Assert.False(JiraPaging.TokenPage<int>([1], isLast: false, "t", null).IsLast);
        Assert.False(JiraPaging.TokenPage<int>([1], isLast: null, "t", null).IsLast);
    }

    [Fact]
    public void PageBeanPage_UsesIsLastThenTotalThenEmptiness()
    {
        Assert.True(JiraPaging.PageBeanPage<int>([1, 2], 0, 2, total: 10, isLast: true, 0, null).IsLast);
        Assert.False(JiraPaging.PageBeanPage<int>([1, 2], 0, 2, total: null, isLast: false, 0, null).IsLast);
        Assert.True(JiraPaging.PageBeanPage<int>([1, 2], 8, 2, total: 10, isLast: null, 0, null).IsLast);
        Assert.False(JiraPaging.PageBeanPage<int>([1, 2], 0, 2, total: null, isLast: null, 0, null).IsLast);
        Assert.True(JiraPaging.PageBeanPage<int>([], 4, 2, total: null, isLast: null, 0, null).IsLast);
    }

    [Fact]
    public void LegacyTotalPage_StartPlusCountReachingTotal_EndsIt()
    {
        Assert.False(JiraPaging.LegacyTotalPage<int>([1, 2], 0, 2, total: 5, 0, null).IsLast);
        Assert.True(JiraPaging.LegacyTotalPage<int>([5], 4, 2, total: 5, 0, null).IsLast);
        // Server capped the page at 2 although 50 were asked: not last, because total says more remain.
        Assert.False(JiraPaging.LegacyTotalPage<int>([1, 2], 0, 2, total: 100, 0, null).IsLast);
    }

    [Fact]
    public void ArrayPage_ShorterThanRequested_EndsIt()
    {
        Assert.False(JiraPaging.ArrayPage<int>([1, 2, 3], 0, requestedMaxResults: 3, null).IsLast);
        Assert.True(JiraPaging.ArrayPage<int>([1, 2], 0, requestedMaxResults: 3, null).IsLast);
        Assert.True(JiraPaging.ArrayPage<int>([], 3, requestedMaxResults: 3, null).IsLast);
    }

    [Fact]
    public async Task ByTokenAsync_FollowsTokensUntilIsLast()
    {
        var asked = new List<(string? Token, int? Size)>();
        var items = await ToListAsync(JiraPaging.ByTokenAsync((token, size, _) =>
        {
            asked.Add((token, size));
            return Task.FromResult(token switch
            {
                null => JiraPaging.TokenPage<int>([1, 2], false, "a", null),
                "a" => JiraPaging.TokenPage<int>([3], false, "b", null), // the server shrank the page: keep going
                _ => JiraPaging.TokenPage<int>([4, 5], true, null, null),
            });
        }, pageSize: 2, limit: null, Ct));
        Assert.Equal([1, 2, 3, 4, 5], items);
        Assert.Equal([(null, 2), ("a", 2), ("b", 2)], asked);
    }

    [Fact]
    public async Task ByTokenAsync_Limit_HonouredExactlyAndAsksOnlyForWhatIsLeft()
    {
        var sizes = new List<int?>();
        var items = await ToListAsync(JiraPaging.ByTokenAsync((token, size, _) =>
        {
            sizes.Add(size);
            var start = token is null ? 0 : int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
            var page = Enumerable.Range(start, size ?? 50).ToList();
            return Task.FromResult(JiraPaging.TokenPage<int>(page, false, (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        }, pageSize: 4, limit: 10, Ct));
        Assert.Equal(Enumerable.Range(0, 10), items);
        Assert.Equal([4, 4, 2], sizes);
    }

    [Fact]
    public async Task ByTokenAsync_RepeatedToken_Stops()
    {
        var calls = 0;
        var items = await ToListAsync(JiraPaging.ByTokenAsync((token, _, _) =>
        {
            calls++;
            return Task.FromResult(JiraPaging.TokenPage<int>([calls], false, "same", null));
        }, null, null, Ct));
        Assert.Equal(2, calls);
        Assert.Equal([1, 2], items);
    }

    [Fact]
    public async Task ByTokenAsync_LimitZero_FetchesNothing()
    {
        var items = await ToListAsync(JiraPaging.ByTokenAsync<int>((_, _, _) => throw new InvalidOperationException("fetched"), 5, 0, Ct));
        Assert.Empty(items);
    }

    [Fact]
    public async Task ByOffsetAsync_NextOffsetComesFromWhatTheServerReturned()
    {
        var offsets = new List<int>();
        var items = await ToListAsync(JiraPaging.ByOffsetAsync((startAt, size, _) =>
        {
            offsets.Add(startAt);
            // Asked for 5, the server serves 3 at a time (as jira.search.views.default.max does).
            var page = Enumerable.Range(startAt, Math.Min(3, 8 - startAt)).ToList();
            return Task.FromResult(JiraPaging.LegacyTotalPage<int>(page, startAt, 3, 8, startAt, null));
        }, startAt: 0, pageSize: 5, limit: null, Ct));
        Assert.Equal(Enumerable.Range(0, 8), items);
        Assert.Equal([0, 3, 6], offsets);
    }

    [Fact]
    public async Task ByOffsetAsync_ArrayStyle_StopsOnAShortPage()
    {
        var data = Enumerable.Range(0, 7).ToList();
        var calls = 0;
        var items = await ToListAsync(JiraPaging.ByOffsetAsync((startAt, size, _) =>
        {
            calls++;
            var page = data.Skip(startAt).Take(size!.Value).ToList();
            return Task.FromResult(JiraPaging.ArrayPage<int>(page, startAt, size.Value, null));
        }, 0, pageSize: 3, limit: null, Ct));
        Assert.Equal(data, items);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task ByOffsetAsync_Cancelled_StopsBeforeTheNextPage()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var calls = 0;
        var seen = new List<int>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in JiraPaging.ByOffsetAsync((startAt, _, _) =>
            {
                calls++;
                return Task.FromResult(JiraPaging.PageBeanPage<int>([startAt, startAt + 1], startAt, 2, null, false, startAt, null));
            }, 0, 2, null, cts.Token))
            {
                seen.Add(item);
                if (seen.Count == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.Equal(2, calls);
        Assert.Equal(4, seen.Count);
    }
}
