using CinemaStats.Transform.Parsing;

namespace CinemaStats.Transform.Tests;

public sealed class StringPoolTests
{
    [Fact]
    public void A_repeated_value_comes_back_as_the_same_string()
    {
        var pool = new StringPool();
        var first = pool.Get("C001".AsSpan());
        var again = pool.Get("xC001".AsSpan(1));

        Assert.Equal("C001", first);
        Assert.Same(first, again);
    }

    [Fact]
    public void A_pool_of_codes_upper_cases_them_whatever_case_they_came_in()
    {
        var pool = new StringPool(upperCase: true);

        Assert.Equal("EUR", pool.Get("eur"));
        Assert.Same(pool.Get("eur"), pool.Get("eur"));
        Assert.Equal("EUR", pool.Get("EUR"));
    }

    [Fact]
    public void Past_its_capacity_values_are_still_right_but_no_longer_kept()
    {
        var pool = new StringPool(capacity: 2);
        pool.Get("A");
        pool.Get("B");

        var third = pool.Get("C");
        var thirdAgain = pool.Get("C");

        Assert.Equal("C", third);
        Assert.Equal("C", thirdAgain);
        Assert.NotSame(third, thirdAgain);
        Assert.Same(pool.Get("A"), pool.Get("A"));
    }

    [Fact]
    public void Threads_sharing_a_pool_get_the_right_values()
    {
        var pool = new StringPool(upperCase: true);
        var results = new string[10_000];

        Parallel.For(0, results.Length, i => results[i] = pool.Get($"code{i % 50}"));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal($"CODE{i % 50}", results[i]);
        }
    }
}
