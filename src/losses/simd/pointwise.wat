;; SIMD (f64x2) loops for the hottest pointwise losses, compiled to pointwise-wasm.ts by
;; scripts/gen-wasm.mjs. Each function reads one chunk that pointwise-simd.ts has copied into
;; memory: x at X, y at Y, and writes the scaled gradient at G; n is a multiple of 2 (the driver
;; pads an odd chunk with a zero residual, whose loss is +0). It returns the sum of the losses.
;; (logSumExpRows reads rows of logits at X and writes one number per row at G; bceLogitsSum,
;; at the end, takes any n and continues a sum it is given: see there.)
;;
;; Per element these compute the very numbers of the JavaScript loops in regression.ts, bit for
;; bit: the two pieces are chosen with v128.bitselect instead of the 0/1 multipliers JavaScript
;; needs. Only the order of the sum differs (two lanes, then the chunks; not in bceLogitsSum).
(module
  (memory (export "memory") 2)
  ;; X = 0, Y = CHUNK * 8, G = 2 * CHUNK * 8 with CHUNK = 4096 (pointwise-simd.ts)
  (global $Y i32 (i32.const 32768))
  (global $G i32 (i32.const 65536))

  ;; Huber with threshold delta: g = clamp(d, -delta, delta), c = |g| = min(|d|, delta),
  ;; loss = c * (|d| - c / 2), gradient g * scale. The clamps are pmin/pmax (one minpd/maxpd
  ;; each: pmin(p, q) = q < p ? q : p), which give d itself inside, -0 included, and delta
  ;; with the sign of d beyond (at |d| = delta, d is that already), as the JavaScript loop does.
  ;; A NaN d stays NaN here (JavaScript picks -delta), but its loss is NaN either way, and then
  ;; the plain loop reruns everything.
  (func (export "huber") (param $n i32) (param $delta f64) (param $scale f64) (result f64)
    (local $i i32) (local $end i32)
    (local $d v128) (local $a v128) (local $g v128) (local $c v128) (local $acc v128)
    (local $dv v128) (local $ndv v128) (local $sv v128) (local $half v128)
    (local.set $dv (f64x2.splat (local.get $delta)))
    (local.set $ndv (f64x2.neg (local.get $dv)))
    (local.set $sv (f64x2.splat (local.get $scale)))
    (local.set $half (f64x2.splat (f64.const 0.5)))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $d (f64x2.sub
          (v128.load (local.get $i))
          (v128.load (i32.add (local.get $i) (global.get $Y)))))
        (local.set $a (f64x2.abs (local.get $d)))
        (local.set $g (f64x2.pmax (f64x2.pmin (local.get $d) (local.get $dv)) (local.get $ndv)))
        (local.set $c (f64x2.pmin (local.get $a) (local.get $dv)))
        (local.set $acc (f64x2.add (local.get $acc)
          (f64x2.mul (local.get $c) (f64x2.sub (local.get $a) (f64x2.mul (local.get $half) (local.get $c))))))
        (v128.store (i32.add (local.get $i) (global.get $G)) (f64x2.mul (local.get $g) (local.get $sv)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))

  ;; Smooth L1 with threshold beta: loss = a^2 / 2 / beta within beta, a - beta / 2 beyond;
  ;; gradient d / beta within, sign(d) beyond (-1 at d = 0 when beta = 0, as PyTorch).
  (func (export "smoothL1") (param $n i32) (param $beta f64) (param $scale f64) (result f64)
    (local $i i32) (local $end i32)
    (local $d v128) (local $a v128) (local $in v128) (local $acc v128)
    (local $bv v128) (local $hbv v128) (local $sv v128) (local $half v128)
    (local.set $bv (f64x2.splat (local.get $beta)))
    (local.set $half (f64x2.splat (f64.const 0.5)))
    (local.set $hbv (f64x2.mul (local.get $half) (local.get $bv)))
    (local.set $sv (f64x2.splat (local.get $scale)))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $d (f64x2.sub
          (v128.load (local.get $i))
          (v128.load (i32.add (local.get $i) (global.get $Y)))))
        (local.set $a (f64x2.abs (local.get $d)))
        (local.set $in (f64x2.lt (local.get $a) (local.get $bv)))
        (local.set $acc (f64x2.add (local.get $acc) (v128.bitselect
          (f64x2.div (f64x2.mul (f64x2.mul (local.get $half) (local.get $a)) (local.get $a)) (local.get $bv))
          (f64x2.sub (local.get $a) (local.get $hbv))
          (local.get $in))))
        (v128.store (i32.add (local.get $i) (global.get $G)) (f64x2.mul (local.get $sv) (v128.bitselect
          (f64x2.div (local.get $d) (local.get $bv))
          (v128.bitselect (v128.const f64x2 1 1) (v128.const f64x2 -1 -1) (f64x2.gt (local.get $d) (v128.const f64x2 0 0)))
          (local.get $in))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))

  ;; log t, as fdlibm's e_log.c (which V8's Math.log is) computes it, bit for bit, for normal t > 0
  ;; (2^-1022 <= t < inf); NaN for every other t, so that the caller's plain loop takes over.
  ;; t = 2^k * (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)), then one of e_log.c's three formulas
  ;; for log(1 + f) + k ln 2, chosen per lane. e_log.c's separate k = 0 and f = 0 returns are
  ;; these formulas with k = 0 and f = 0, bit for bit, so they need no lanes of their own.
  ;;
  ;; The logarithm's constants, as globals: V8 builds a v128.const anew at each use (three or four
  ;; instructions), where a global is one load from the instance. They are mutable only so that
  ;; V8 keeps them in memory instead of folding them back into constants; nothing writes them.
  (global $HX_MANT (mut v128) (v128.const i64x2 0xfffff 0xfffff))
  (global $HX_SQRT2 (mut v128) (v128.const i64x2 0x95f64 0x95f64))
  (global $HX_BIT20 (mut v128) (v128.const i64x2 0x100000 0x100000))
  (global $BIAS (mut v128) (v128.const i64x2 1023 1023))
  (global $HX_ONE (mut v128) (v128.const i64x2 0x3ff00000 0x3ff00000))
  (global $LOW_WORD (mut v128) (v128.const i64x2 0xffffffff 0xffffffff))
  (global $ONE (mut v128) (v128.const f64x2 1 1))
  (global $ROUND_BITS (mut v128) (v128.const i64x2 0x4338000000000000 0x4338000000000000))
  (global $ROUND (mut v128) (v128.const f64x2 6755399441055744 6755399441055744))
  (global $LN2_LO (mut v128) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10))
  (global $TWO (mut v128) (v128.const f64x2 2 2))
  (global $TWO_I64 (mut v128) (v128.const i64x2 2 2))
  (global $THREE (mut v128) (v128.const i64x2 3 3))
  (global $HX_LO (mut v128) (v128.const i64x2 0x6147a 0x6147a))
  (global $HX_HI (mut v128) (v128.const i64x2 0x6b851 0x6b851))
  (global $ZERO (mut v128) (v128.const i64x2 0 0))
  (global $LG1 (mut v128) (v128.const f64x2 6.666666666666735130e-01 6.666666666666735130e-01))
  (global $LG2 (mut v128) (v128.const f64x2 3.999999999940941908e-01 3.999999999940941908e-01))
  (global $LG3 (mut v128) (v128.const f64x2 2.857142874366239149e-01 2.857142874366239149e-01))
  (global $LG4 (mut v128) (v128.const f64x2 2.222219843214978396e-01 2.222219843214978396e-01))
  (global $LG5 (mut v128) (v128.const f64x2 1.818357216161805012e-01 1.818357216161805012e-01))
  (global $LG6 (mut v128) (v128.const f64x2 1.531383769920937332e-01 1.531383769920937332e-01))
  (global $LG7 (mut v128) (v128.const f64x2 1.479819860511658591e-01 1.479819860511658591e-01))
  (global $HALF (mut v128) (v128.const f64x2 0.5 0.5))
  (global $LN2_HI (mut v128) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))
  (global $THIRD (mut v128) (v128.const f64x2 0.33333333333333333 0.33333333333333333))
  (global $NAN (mut v128) (v128.const i64x2 0x7ff8000000000000 0x7ff8000000000000))
  (global $HX_MIN_NORMAL (mut v128) (v128.const i64x2 0x00100000 0x00100000))
  (global $HX_INF (mut v128) (v128.const i64x2 0x7ff00000 0x7ff00000))

  (func $log (param $t v128) (result v128)
    (local $hx v128) (local $hxm v128) (local $i v128) (local $k v128)
    (local $f v128) (local $dk v128) (local $dkl v128) (local $s v128) (local $z v128) (local $w v128)
    (local $r v128) (local $hfsq v128) (local $small v128) (local $hf v128) (local $out v128)
    (local.set $hx (i64x2.shr_u (local.get $t) (i32.const 32)))
    (local.set $hxm (v128.and (local.get $hx) (global.get $HX_MANT)))
    (local.set $i (v128.and (i64x2.add (local.get $hxm) (global.get $HX_SQRT2)) (global.get $HX_BIT20)))
    ;; k = exponent - 1023 + (i >> 20); 1 + f has the high word hxm | (i ^ 0x3ff00000) and t's low word
    (local.set $k (i64x2.add
      (i64x2.sub (i64x2.shr_u (local.get $hx) (i32.const 20)) (global.get $BIAS))
      (i64x2.shr_u (local.get $i) (i32.const 20))))
    (local.set $f (f64x2.sub
      (v128.or
        (i64x2.shl (v128.or (local.get $hxm) (v128.xor (local.get $i) (global.get $HX_ONE))) (i32.const 32))
        (v128.and (local.get $t) (global.get $LOW_WORD)))
      (global.get $ONE)))
    ;; (double) k, exactly: the bits of 1.5 * 2^52 plus k, minus 1.5 * 2^52 (|k| < 1100)
    (local.set $dk (f64x2.sub
      (i64x2.add (global.get $ROUND_BITS) (local.get $k))
      (global.get $ROUND)))
    (local.set $dkl (f64x2.mul (local.get $dk) (global.get $LN2_LO)))
    ;; |f| < 2^-20 where (2 + hxm) & 0xfffff < 3; else e_log.c's i = (hxm - 0x6147a) | (0x6b851 - hxm) > 0 picks hfsq
    (local.set $small (i64x2.lt_s
      (v128.and (i64x2.add (local.get $hxm) (global.get $TWO_I64)) (global.get $HX_MANT))
      (global.get $THREE)))
    (local.set $hf (i64x2.gt_s
      (v128.or
        (i64x2.sub (local.get $hxm) (global.get $HX_LO))
        (i64x2.sub (global.get $HX_HI) (local.get $hxm)))
      (global.get $ZERO)))
    (local.set $s (f64x2.div (local.get $f) (f64x2.add (global.get $TWO) (local.get $f))))
    (local.set $z (f64x2.mul (local.get $s) (local.get $s)))
    (local.set $w (f64x2.mul (local.get $z) (local.get $z)))
    (local.set $r (f64x2.add
      ;; t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)))
      (f64x2.mul (local.get $z) (f64x2.add (global.get $LG1)
        (f64x2.mul (local.get $w) (f64x2.add (global.get $LG3)
          (f64x2.mul (local.get $w) (f64x2.add (global.get $LG5)
            (f64x2.mul (local.get $w) (global.get $LG7))))))))
      ;; t1 = w * (Lg2 + w * (Lg4 + w * Lg6))
      (f64x2.mul (local.get $w) (f64x2.add (global.get $LG2)
        (f64x2.mul (local.get $w) (f64x2.add (global.get $LG4)
          (f64x2.mul (local.get $w) (global.get $LG6))))))))
    (local.set $hfsq (f64x2.mul (f64x2.mul (global.get $HALF) (local.get $f)) (local.get $f)))
    ;; dk ln2_hi - (piece - f), piece by formula:
    ;;   small: f^2 (1/2 - f/3) - dk ln2_lo;  hf: hfsq - (s (hfsq + R) + dk ln2_lo);  else: s (f - R) - dk ln2_lo
    (local.set $out (f64x2.sub
      (f64x2.mul (local.get $dk) (global.get $LN2_HI))
      (f64x2.sub
        (v128.bitselect
          (f64x2.sub
            (f64x2.mul (f64x2.mul (local.get $f) (local.get $f))
              (f64x2.sub (global.get $HALF) (f64x2.mul (global.get $THIRD) (local.get $f))))
            (local.get $dkl))
          (v128.bitselect
            (f64x2.sub (local.get $hfsq) (f64x2.add (f64x2.mul (local.get $s) (f64x2.add (local.get $hfsq) (local.get $r))) (local.get $dkl)))
            (f64x2.sub (f64x2.mul (local.get $s) (f64x2.sub (local.get $f) (local.get $r))) (local.get $dkl))
            (local.get $hf))
          (local.get $small))
        (local.get $f))))
    ;; NaN unless 0x00100000 <= hx < 0x7ff00000: zero, subnormal, negative, infinite or NaN t
    (v128.bitselect
      (local.get $out)
      (global.get $NAN)
      (v128.and
        (i64x2.ge_s (local.get $hx) (global.get $HX_MIN_NORMAL))
        (i64x2.lt_s (local.get $hx) (global.get $HX_INF)))))

  ;; log of every element of x, written at G (for tests: the log above against Math.log).
  (func (export "log") (param $n i32) (param $unused f64) (param $unused2 f64) (result f64)
    (local $i i32) (local $end i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $i) (global.get $G)) (call $log (v128.load (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (f64.const 0))

  ;; kl_div (log_target False): loss t (log t' - x) with t' = t, or 1 where t = 0 (so 0 log 0 = 0),
  ;; gradient -t * scale; y holds the target. A lane whose t' is not a normal positive number
  ;; (negative, subnormal, infinite, NaN) has a NaN loss, and the plain loop reruns.
  (func (export "klDiv") (param $n i32) (param $unused f64) (param $scale f64) (result f64)
    (local $i i32) (local $end i32) (local $t v128) (local $acc v128) (local $sv v128)
    (local.set $sv (f64x2.splat (local.get $scale)))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $t (v128.load (i32.add (local.get $i) (global.get $Y))))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.sub
          (f64x2.mul (local.get $t)
            (call $log (v128.bitselect (v128.const f64x2 1 1) (local.get $t) (f64x2.eq (local.get $t) (v128.const f64x2 0 0)))))
          (f64x2.mul (local.get $t) (v128.load (local.get $i))))))
        (v128.store (i32.add (local.get $i) (global.get $G)) (f64x2.mul (f64x2.neg (local.get $t)) (local.get $sv)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))

  ;; Cross-entropy's forward pass: logSumExpNeg (softmax.ts) of rows of logits, bit for bit.
  ;;
  ;; expNeg's tables, which pointwise-simd.ts copies into memory from softmax.ts at instantiation:
  ;; EXP2_FRAC (2^(-j/32), j = 0..31) at byte 98304, EXP2_NEG (2^-n, n = 0..1099) at byte 98560,
  ;; with zeros after it up to n = 2047 (read only for a NaN argument, whose result is NaN whatever
  ;; they hold). The loads below name these addresses as their offsets.

  ;; the row maxima, from one pass to the next (the Y region, which these functions do not otherwise use)
  (global $M i32 (i32.const 32768))
  (global $EXP_CLAMP (mut v128) (v128.const f64x2 760 760))
  ;; 32 / Math.LN2, LN2_HI / 32 and LN2_LO / 32 (exact quotients) as softmax.ts folds them
  (global $EXP_K (mut v128) (v128.const f64x2 46.16624130844683 46.16624130844683))
  (global $EXP_LN2_HI (mut v128) (v128.const f64x2 0.02166084938653512 0.02166084938653512))
  (global $EXP_LN2_LO (mut v128) (v128.const f64x2 5.9631716539705866e-12 5.9631716539705866e-12))
  ;; 1/6, 1/24, 1/120, 1/720 rounded to double, as JavaScript folds them
  (global $EXP_C3 (mut v128) (v128.const f64x2 0.16666666666666666 0.16666666666666666))
  (global $EXP_C4 (mut v128) (v128.const f64x2 0.041666666666666664 0.041666666666666664))
  (global $EXP_C5 (mut v128) (v128.const f64x2 0.008333333333333333 0.008333333333333333))
  (global $EXP_C6 (mut v128) (v128.const f64x2 0.001388888888888889 0.001388888888888889))
  ;; byte-offset masks for the table indices (see $expNegSums)
  (global $FRAC_BYTES (mut v128) (v128.const i32x4 0xf8 0xf8 0xf8 0xf8))
  (global $NEG_BYTES (mut v128) (v128.const i32x4 0x3ff8 0x3ff8 0x3ff8 0x3ff8))
  (global $INF (mut v128) (v128.const f64x2 inf inf))
  (global $NEG_INF (mut v128) (v128.const f64x2 -inf -inf))

  ;; For each of n rows (n even) of rb bytes at X, rows 2i and 2i + 1 in lanes 0 and 1, with that
  ;; pair's maxima m at M + 16i: s = the sum over the row of expNeg(m - x), added in the row's order
  ;; as logSumExpNeg adds them, written at G + 16i.
  ;;
  ;; expNeg(a) is softmax.ts' expNeg, inlined here (with a call per element the loop took about 1.2x
  ;; as long), bit for bit: the same clamp at 760, the same rounding of a * 32/ln 2 to kf, the same r
  ;; and polynomial, evaluated in the same order, and the same two tables, read at k & 31 and k >> 5.
  ;; k = kf | 0 is taken from the bits of kf + ROUND, whose low word is k (kf is an integer in [0, 35086]); for a
  ;; NaN a those bits are anything, so the byte offsets are masked into the tables (the result is
  ;; NaN anyway, as r is). a is m - x >= 0 or NaN here; a negative a is outside expNeg's domain.
  (func $expNegSums (param $n i32) (param $rb i32)
    (local $p i32) (local $q i32) (local $end i32) (local $all i32) (local $at i32)
    (local $m v128) (local $s v128) (local $b v128) (local $t v128) (local $kf v128) (local $r v128)
    (local $poly v128) (local $j v128) (local $k v128)
    (local $clamp v128) (local $kk v128) (local $round v128) (local $lhi v128) (local $llo v128)
    (local $one v128) (local $half v128) (local $c3 v128) (local $c4 v128) (local $c5 v128) (local $c6 v128)
    (local $fracBytes v128) (local $negBytes v128)
    ;; the constants in locals: read once, not at every use
    (local.set $clamp (global.get $EXP_CLAMP))
    (local.set $kk (global.get $EXP_K))
    (local.set $round (global.get $ROUND))
    (local.set $lhi (global.get $EXP_LN2_HI))
    (local.set $llo (global.get $EXP_LN2_LO))
    (local.set $one (global.get $ONE))
    (local.set $half (global.get $HALF))
    (local.set $c3 (global.get $EXP_C3))
    (local.set $c4 (global.get $EXP_C4))
    (local.set $c5 (global.get $EXP_C5))
    (local.set $c6 (global.get $EXP_C6))
    (local.set $fracBytes (global.get $FRAC_BYTES))
    (local.set $negBytes (global.get $NEG_BYTES))
    (local.set $all (i32.mul (local.get $n) (local.get $rb)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $p) (local.get $all)))
        (local.set $end (i32.add (local.get $p) (local.get $rb)))
        (local.set $m (v128.load (i32.add (global.get $M) (local.get $at))))
        (local.set $s (global.get $ZERO))
        (local.set $q (local.get $p))
        (loop $sum
          ;; b = min(a, 760) (pmin(a, c) = c < a ? c : a: a NaN passes through)
          (local.set $b (f64x2.pmin
            (f64x2.sub (local.get $m)
              (v128.load64_lane 1 (i32.add (local.get $q) (local.get $rb)) (v128.load64_zero (local.get $q))))
            (local.get $clamp)))
          ;; kf = b * 32/ln2 + ROUND - ROUND
          (local.set $t (f64x2.add (f64x2.mul (local.get $b) (local.get $kk)) (local.get $round)))
          (local.set $kf (f64x2.sub (local.get $t) (local.get $round)))
          ;; r = kf * LN2_HI/32 - b + kf * LN2_LO/32
          (local.set $r (f64x2.add
            (f64x2.sub (f64x2.mul (local.get $kf) (local.get $lhi)) (local.get $b))
            (f64x2.mul (local.get $kf) (local.get $llo))))
          ;; p = 1 + r (1 + r (1/2 + r (1/6 + r (1/24 + r (1/120 + r / 720)))))
          (local.set $poly (f64x2.add (local.get $one) (f64x2.mul (local.get $r)
            (f64x2.add (local.get $one) (f64x2.mul (local.get $r)
              (f64x2.add (local.get $half) (f64x2.mul (local.get $r)
                (f64x2.add (local.get $c3) (f64x2.mul (local.get $r)
                  (f64x2.add (local.get $c4) (f64x2.mul (local.get $r)
                    (f64x2.add (local.get $c5) (f64x2.mul (local.get $r) (local.get $c6))))))))))))))
          ;; byte offsets (k & 31) * 8 and (k >> 5) * 8 in the low word of each lane (i32 lanes 0 and 2)
          (local.set $j (v128.and (i32x4.shl (local.get $t) (i32.const 3)) (local.get $fracBytes)))
          (local.set $k (v128.and (i32x4.shr_u (local.get $t) (i32.const 2)) (local.get $negBytes)))
          ;; s += EXP2_NEG[k >> 5] * (EXP2_FRAC[k & 31] * p)
          (local.set $s (f64x2.add (local.get $s) (f64x2.mul
            (v128.load64_lane offset=98560 1 (i32x4.extract_lane 2 (local.get $k))
              (v128.load64_zero offset=98560 (i32x4.extract_lane 0 (local.get $k))))
            (f64x2.mul
              (v128.load64_lane offset=98304 1 (i32x4.extract_lane 2 (local.get $j))
                (v128.load64_zero offset=98304 (i32x4.extract_lane 0 (local.get $j))))
              (local.get $poly)))))
          (local.set $q (i32.add (local.get $q) (i32.const 8)))
          (br_if $sum (i32.lt_u (local.get $q) (local.get $end))))
        (v128.store (i32.add (global.get $G) (local.get $at)) (local.get $s))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (local.set $p (i32.add (local.get $end) (local.get $rb)))
        (br $pair))))

  ;; expNeg(0 - x) of every element of x, written at G (for tests: $expNegSums' exponential, one
  ;; element to a row, with every maximum +0, against softmax.ts' expNeg).
  (func (export "expNeg") (param $n i32) (param $unused f64) (param $unused2 f64) (result f64)
    (local $i i32) (local $end i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $i) (global.get $M)) (global.get $ZERO))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (call $expNegSums (local.get $n) (i32.const 8))
    (f64.const 0))

  ;; logSumExpNeg (softmax.ts) of each of n rows (n even) of c >= 1 contiguous values at X, written
  ;; at G, bit for bit: rows 2i and 2i + 1 take lanes 0 and 1, so that each row's max and its sum of
  ;; exponentials are formed in one lane, in the order of the JavaScript loop. The max is
  ;; pmax(m, v) = m < v ? v : m, JavaScript's `if (x[p] > m) m = x[p]` (a NaN is skipped); an
  ;; infinite max is the row's result, else m + log(s), log being Math.log's bit for bit for the
  ;; s in [1, c] a finite max gives (NaN for a NaN s, as Math.log(NaN)). The logarithms are a pass
  ;; of their own, where consecutive ones overlap (with a call per pair of rows in the row loop, the
  ;; whole took about 1.15x as long).
  (func (export "logSumExpRows") (param $n i32) (param $c i32) (result f64)
    (local $rb i32) (local $p i32) (local $q i32) (local $end i32) (local $all i32) (local $at i32)
    (local $m v128)
    (local.set $rb (i32.shl (local.get $c) (i32.const 3)))
    (local.set $all (i32.mul (local.get $n) (local.get $rb)))
    ;; the maxima, at M
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $p) (local.get $all)))
        (local.set $end (i32.add (local.get $p) (local.get $rb)))
        (local.set $m (global.get $NEG_INF))
        (local.set $q (local.get $p))
        (loop $max
          (local.set $m (f64x2.pmax (local.get $m)
            (v128.load64_lane 1 (i32.add (local.get $q) (local.get $rb)) (v128.load64_zero (local.get $q)))))
          (local.set $q (i32.add (local.get $q) (i32.const 8)))
          (br_if $max (i32.lt_u (local.get $q) (local.get $end))))
        (v128.store (i32.add (global.get $M) (local.get $at)) (local.get $m))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (local.set $p (i32.add (local.get $end) (local.get $rb)))
        (br $pair)))
    ;; the sums of exponentials, at G
    (call $expNegSums (local.get $n) (local.get $rb))
    ;; m + log(s), or m where m is infinite
    (local.set $p (i32.const 0))
    (block $done
      (loop $logs
        (br_if $done (i32.ge_u (local.get $p) (local.get $at)))
        (local.set $m (v128.load (i32.add (global.get $M) (local.get $p))))
        (v128.store (i32.add (global.get $G) (local.get $p)) (v128.bitselect
          (local.get $m)
          (f64x2.add (local.get $m) (call $log (v128.load (i32.add (global.get $G) (local.get $p)))))
          (f64x2.eq (f64x2.abs (local.get $m)) (global.get $INF))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $logs)))
    (f64.const 0))

  ;; bce_with_logits' forward pass without weights (classification.ts' value loop), bit for bit, as two
  ;; passes over a chunk: the exponentials e = expNeg(|x|) into G ($expNegAbs), then the losses from
  ;; them ($bceLosses). In one loop a pair's chain of dependent operations (the exponential, then the
  ;; logarithm of 1 + e) is long, which we take to be why the one loop was slower: in four
  ;; side-by-side runs (the 10th percentile of 50 calls on 1e6 elements each, CPU time, under a load
  ;; of 6 to 10 on two CPUs) it took 7.0-7.6 ns per element, the two passes 5.1-6.5. With log1pUnit
  ;; a call per pair in the second pass instead of inlined, that pass took 7.3-8.2.
  ;;
  ;; log1pUnit's tables, which pointwise-simd.ts copies into memory from softmax.ts at instantiation:
  ;; LOG1P_INV (1/(1 + j/256), j = 0..256) at byte 114944, LOG1P_TABLE (log1p(j/256)) at byte
  ;; 119040, each with room for 512 entries (the index mask below reaches 511, for a NaN argument only).
  (global $LOG1P_SCALE (mut v128) (v128.const f64x2 256 256))
  (global $LOG1P_STEP (mut v128) (v128.const f64x2 0.00390625 0.00390625))
  (global $LOG1P_C2 (mut v128) (v128.const f64x2 -0.5 -0.5))
  (global $LOG1P_C4 (mut v128) (v128.const f64x2 -0.25 -0.25))
  (global $LOG1P_C5 (mut v128) (v128.const f64x2 0.2 0.2))
  (global $LOG1P_BYTES (mut v128) (v128.const i32x4 0xff8 0xff8 0xff8 0xff8))

  ;; expNeg(|x|) of the n elements at X (n rounded up to a pair), written at G: $expNegSums'
  ;; exponential, a copy of its lines (inlined in both loops, for speed: see there), with a = |x|,
  ;; which is >= 0 or NaN.
  (func $expNegAbs (param $n i32)
    (local $i i32) (local $end i32)
    (local $b v128) (local $t v128) (local $kf v128) (local $r v128) (local $poly v128) (local $j v128) (local $k v128)
    (local $clamp v128) (local $kk v128) (local $round v128) (local $lhi v128) (local $llo v128)
    (local $one v128) (local $half v128) (local $c3 v128) (local $c4 v128) (local $c5 v128) (local $c6 v128)
    (local $fracBytes v128) (local $negBytes v128)
    (local.set $clamp (global.get $EXP_CLAMP))
    (local.set $kk (global.get $EXP_K))
    (local.set $round (global.get $ROUND))
    (local.set $lhi (global.get $EXP_LN2_HI))
    (local.set $llo (global.get $EXP_LN2_LO))
    (local.set $one (global.get $ONE))
    (local.set $half (global.get $HALF))
    (local.set $c3 (global.get $EXP_C3))
    (local.set $c4 (global.get $EXP_C4))
    (local.set $c5 (global.get $EXP_C5))
    (local.set $c6 (global.get $EXP_C6))
    (local.set $fracBytes (global.get $FRAC_BYTES))
    (local.set $negBytes (global.get $NEG_BYTES))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        ;; b = min(|x|, 760), kf = b * 32/ln2 + ROUND - ROUND, r, p and the two tables, as in $expNegSums
        (local.set $b (f64x2.pmin (f64x2.abs (v128.load (local.get $i))) (local.get $clamp)))
        (local.set $t (f64x2.add (f64x2.mul (local.get $b) (local.get $kk)) (local.get $round)))
        (local.set $kf (f64x2.sub (local.get $t) (local.get $round)))
        (local.set $r (f64x2.add
          (f64x2.sub (f64x2.mul (local.get $kf) (local.get $lhi)) (local.get $b))
          (f64x2.mul (local.get $kf) (local.get $llo))))
        (local.set $poly (f64x2.add (local.get $one) (f64x2.mul (local.get $r)
          (f64x2.add (local.get $one) (f64x2.mul (local.get $r)
            (f64x2.add (local.get $half) (f64x2.mul (local.get $r)
              (f64x2.add (local.get $c3) (f64x2.mul (local.get $r)
                (f64x2.add (local.get $c4) (f64x2.mul (local.get $r)
                  (f64x2.add (local.get $c5) (f64x2.mul (local.get $r) (local.get $c6))))))))))))))
        (local.set $j (v128.and (i32x4.shl (local.get $t) (i32.const 3)) (local.get $fracBytes)))
        (local.set $k (v128.and (i32x4.shr_u (local.get $t) (i32.const 2)) (local.get $negBytes)))
        ;; e = EXP2_NEG[k >> 5] * (EXP2_FRAC[k & 31] * p)
        (v128.store (i32.add (local.get $i) (global.get $G)) (f64x2.mul
          (v128.load64_lane offset=98560 1 (i32x4.extract_lane 2 (local.get $k))
            (v128.load64_zero offset=98560 (i32x4.extract_lane 0 (local.get $k))))
          (f64x2.mul
            (v128.load64_lane offset=98304 1 (i32x4.extract_lane 2 (local.get $j))
              (v128.load64_zero offset=98304 (i32x4.extract_lane 0 (local.get $j))))
            (local.get $poly))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; s plus the losses of the n elements (logits x at X, targets y at Y, e = expNeg(|x|) at G; n may
  ;; be odd: the second lane of the last pair is then not added), added one by one in index order,
  ;; as the JavaScript loop adds them, so that a chunk's call continues the previous chunk's sum and
  ;; the total is that loop's bit for bit. Each loss is written over its e at G (for tests).
  ;;
  ;; The loss is (x >= 0 ? (1 - y) x : (-y) x) + log1pUnit(e), the JavaScript loop's with no
  ;; pos_weight (its lw = 1 + 0 y is 1 for a finite y); its 0/1 multipliers are a bitselect here,
  ;; which changes at most the sign of a zero in the unselected piece, and no sum sees that. A sum
  ;; that is not finite means some element was not: the caller then runs the JavaScript loops.
  ;;
  ;; log1pUnit(e) is softmax.ts', inlined, bit for bit for e in [0, 1] (NaN for a NaN e):
  ;; jf = e * 256 rounded by + ROUND - ROUND, j = jf | 0 from the low word of e * 256 + ROUND (masked
  ;; into the tables, as expNeg's k is: a NaN e reads some entry and gives NaN anyway),
  ;; r = (e - jf / 256) * LOG1P_INV[j], then LOG1P_TABLE[j] + (r + (r2 (-1/2 + r/3) + r2 r2
  ;; (-1/4 + r/5 - r2/6))), the same operations in the same order (1/3 and 1/6 the doubles
  ;; JavaScript folds them to).
  (func $bceLosses (param $n i32) (param $s f64) (result f64)
    (local $i i32) (local $end i32)
    (local $x v128) (local $y v128) (local $e v128) (local $t v128) (local $jf v128) (local $j v128)
    (local $r v128) (local $r2 v128) (local $l v128)
    (local $round v128) (local $one v128) (local $zero v128) (local $scale v128) (local $step v128)
    (local $bytes v128) (local $c2 v128) (local $c3 v128) (local $c4 v128) (local $c5 v128) (local $c6 v128)
    (local.set $round (global.get $ROUND))
    (local.set $one (global.get $ONE))
    (local.set $zero (global.get $ZERO))
    (local.set $scale (global.get $LOG1P_SCALE))
    (local.set $step (global.get $LOG1P_STEP))
    (local.set $bytes (global.get $LOG1P_BYTES))
    (local.set $c2 (global.get $LOG1P_C2))
    (local.set $c3 (global.get $THIRD))
    (local.set $c4 (global.get $LOG1P_C4))
    (local.set $c5 (global.get $LOG1P_C5))
    (local.set $c6 (global.get $EXP_C3))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $x (v128.load (local.get $i)))
        (local.set $y (v128.load (i32.add (local.get $i) (global.get $Y))))
        (local.set $e (v128.load (i32.add (local.get $i) (global.get $G))))
        (local.set $t (f64x2.add (f64x2.mul (local.get $e) (local.get $scale)) (local.get $round)))
        (local.set $jf (f64x2.sub (local.get $t) (local.get $round)))
        ;; byte offset j * 8 in the low word of each lane (i32 lanes 0 and 2)
        (local.set $j (v128.and (i32x4.shl (local.get $t) (i32.const 3)) (local.get $bytes)))
        (local.set $r (f64x2.mul
          (f64x2.sub (local.get $e) (f64x2.mul (local.get $jf) (local.get $step)))
          (v128.load64_lane offset=114944 1 (i32x4.extract_lane 2 (local.get $j))
            (v128.load64_zero offset=114944 (i32x4.extract_lane 0 (local.get $j))))))
        (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
        ;; l = (x >= 0 ? (1 - y) x : (-y) x) + log1pUnit(e)
        (local.set $l (f64x2.add
          (v128.bitselect
            (f64x2.mul (f64x2.sub (local.get $one) (local.get $y)) (local.get $x))
            (f64x2.mul (f64x2.neg (local.get $y)) (local.get $x))
            (f64x2.ge (local.get $x) (local.get $zero)))
          (f64x2.add
            (v128.load64_lane offset=119040 1 (i32x4.extract_lane 2 (local.get $j))
              (v128.load64_zero offset=119040 (i32x4.extract_lane 0 (local.get $j))))
            (f64x2.add (local.get $r)
              (f64x2.add
                (f64x2.mul (local.get $r2) (f64x2.add (local.get $c2) (f64x2.mul (local.get $r) (local.get $c3))))
                (f64x2.mul (f64x2.mul (local.get $r2) (local.get $r2))
                  (f64x2.sub
                    (f64x2.add (local.get $c4) (f64x2.mul (local.get $r) (local.get $c5)))
                    (f64x2.mul (local.get $r2) (local.get $c6)))))))))
        (v128.store (i32.add (local.get $i) (global.get $G)) (local.get $l))
        (local.set $s (f64.add (local.get $s) (f64x2.extract_lane 0 (local.get $l))))
        (local.set $s (select
          (f64.add (local.get $s) (f64x2.extract_lane 1 (local.get $l)))
          (local.get $s)
          (i32.lt_u (i32.add (local.get $i) (i32.const 8)) (local.get $end))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (local.get $s))

  ;; s plus the bce_with_logits losses of the n elements at X (logits) and Y (targets), in index
  ;; order; each loss is also written at G.
  (func (export "bceLogitsSum") (param $n i32) (param $s f64) (result f64)
    (call $expNegAbs (local.get $n))
    (call $bceLosses (local.get $n) (local.get $s)))

  ;; log1pUnit of every element of x (n even), written at G (for tests, against softmax.ts'
  ;; log1pUnit): $bceLosses' logarithm itself, given e = x with the logit and the target +0, whose
  ;; loss (1 - 0) 0 + log1pUnit(e) = +0 + log1pUnit(e) is log1pUnit(e) (which is never -0).
  (func (export "log1pUnit") (param $n i32) (param $unused f64) (param $unused2 f64) (result f64)
    (local $i i32) (local $end i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $i) (global.get $G)) (v128.load (local.get $i)))
        (v128.store (local.get $i) (global.get $ZERO))
        (v128.store (i32.add (local.get $i) (global.get $Y)) (global.get $ZERO))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (drop (call $bceLosses (local.get $n) (f64.const 0)))
    (f64.const 0))
)
