// k^N guesses: exact digits against hand-checked values, the power of ten without overflow
// (the source's 10^11935), the time needed and the coverage share.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "error.hpp"
#include "guess/guess_count.hpp"

using namespace basecamp::guess;

TEST_CASE("small counts are exact", "[guess]") {
  CHECK(count_guesses(10, 2).exact == "100");
  CHECK(count_guesses(10, 3).exact == "1000");
  CHECK(count_guesses(100, 3).exact == "1000000");
  CHECK(count_guesses(7, 0).exact == "1");
  CHECK(count_guesses(1, 12345).exact == "1");
  // 2^64 and 3^40, beyond 64-bit integers for the first.
  CHECK(count_guesses(2, 64).exact == "18446744073709551616");
  CHECK(count_guesses(3, 40).exact == "12157665459056928801");
  const auto c = count_guesses(2, 64);
  CHECK(c.digits == 20);
  CHECK(c.exponent == 19);
  CHECK(c.mantissa == Approx(1.8446744073709551));
  CHECK(c.log10 == Approx(64 * std::log10(2.0)));
}

TEST_CASE("exact digits carry across limbs", "[guess]") {
  // 999999^5 = (10^6 − 1)^5: check its first and last digits and length.
  const auto c = count_guesses(999999, 5);
  CHECK(c.exact.size() == 30);
  CHECK(c.exact.substr(0, 6) == "999995");
  CHECK(c.exact.substr(c.exact.size() - 6) == "999999");  // ends …(−1)^5 mod 10^6 = 999999
  // 10^398 is still written out; its digits are a 1 and 398 zeros.
  const auto big = count_guesses(10, 398);
  CHECK(big.exact == "1" + std::string(398, '0'));
}

TEST_CASE("huge counts are powers of ten without overflow", "[guess]") {
  const auto c = count_guesses(10, 11935);
  CHECK(c.exact.empty());
  CHECK(c.power_of_ten);
  CHECK(c.log10 == 11935);
  CHECK(c.exponent == 11935);
  CHECK(c.mantissa == 1);
  CHECK(c.digits == 11936);
  const auto d = count_guesses(2, 11935);  // 2^11935 ≈ 1.07 × 10^3592
  CHECK(d.exponent == 3592);
  CHECK(d.mantissa == Approx(std::pow(10.0, 11935 * std::log10(2.0) - 3592)).epsilon(1e-9));
  const auto e = count_guesses(1000, 1'000'000'000'000ULL);
  CHECK(e.exponent == 3'000'000'000'000LL);
  CHECK_THROWS_AS(count_guesses(0, 3), basecamp::Error);
  CHECK_THROWS_AS(count_guesses(2'000'000, 3), basecamp::Error);
}

TEST_CASE("time needed and the universe", "[guess]") {
  const auto c = count_guesses(10, 11935);
  const auto t = guess_time(c, 1e9);
  CHECK(t.log10_seconds == Approx(11926));
  CHECK(std::isinf(t.seconds));
  CHECK(t.log10_vs_atoms == Approx(11855));
  CHECK(t.log10_universe_ages == Approx(11926 - std::log10(4.35e17)));
  const auto small = guess_time(count_guesses(10, 3), 100);
  CHECK(small.seconds == Approx(10));
  CHECK(small.log10_years == Approx(1 - std::log10(kSecondsPerYear)));
  CHECK_THROWS_AS(guess_time(c, 0), basecamp::Error);
  CHECK_THROWS_AS(guess_time(c, NAN), basecamp::Error);
}

TEST_CASE("coverage of a fixed budget shrinks by k per dimension", "[guess]") {
  const auto share = log10_coverage(1000, 10, 6);
  REQUIRE(share.size() == 6);
  CHECK(share[0] == 0);  // 10 points, 1000 guesses: all covered
  CHECK(share[2] == 0);  // 10^3 points: exactly covered
  CHECK(share[3] == Approx(-1));
  CHECK(share[5] == Approx(-3));
  CHECK_THROWS_AS(log10_coverage(0.5, 10, 6), basecamp::Error);
  CHECK_THROWS_AS(log10_coverage(10, 10, 0), basecamp::Error);
}
