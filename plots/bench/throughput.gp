# LossLab figure: the time of each losslab bench workload along the commit history.
# Data: results/bench/figures/throughput.dat, made from results/bench/history.csv (losslab bench --record / --commits).
# Re-render from the repository root: gnuplot plots/bench/throughput.gp
set encoding utf8
set terminal pngcairo size 1200,700 enhanced font 'DejaVu Sans,11'
set output 'plots/bench/throughput.png'
data = 'results/bench/figures/throughput.dat'
set title 'losslab bench along the commit history: time relative to the first recorded commit (above 1 is slower)' noenhanced font ',13'
set xlabel 'commit, oldest first (21 recorded; a label every 2 commits)' noenhanced
set ylabel 'time / median of the first commit (log scale)' noenhanced
set logscale y
set key outside right top vertical noenhanced
set grid ytics back lt 1 lc rgb '#e4e4e4' lw 1
set border 3 back
set tics nomirror out
set xrange [-0.5:20.5]
set xtics ('6f913d0' 0, '8c74b02' 2, '148e481' 4, '590e1e2' 6, '403a747' 8, '1655252' 10, '3f9bf3f' 12, '87176f3' 14, 'f88fd46' 16, '23a5e60' 18, '49fc75c' 20) rotate by -45 noenhanced font ',9'
set style fill transparent solid 0.18 noborder
set bmargin 9
set label 1 'line: median of each commit'."\047".'s repetitions'."\073".' band: down to their minimum'."\073".' dashed: a detected step' at screen 0.01, screen 0.015 left noenhanced font ',9'
set label 2 'no-bench' at 0, graph 0.02 rotate by 90 left noenhanced font ',9' tc rgb '#b00000'
set arrow 1 from 2.5, graph 0 to 2.5, graph 1 nohead dt 2 lw 1.5 lc rgb '#555555' back
set label 3 'W3_mlp x0.14' at 2.5, graph 0.97 left offset 0.3,0 noenhanced font ',9'
set arrow 2 from 2.5, graph 0 to 2.5, graph 1 nohead dt 2 lw 1.5 lc rgb '#555555' back
set label 4 'W1_logistic x0.14' at 2.5, graph 0.9249999999999999 left offset 0.3,0 noenhanced font ',9'
set arrow 3 from 2.5, graph 0 to 2.5, graph 1 nohead dt 2 lw 1.5 lc rgb '#555555' back
set label 5 'W2_softmax x0.21' at 2.5, graph 0.88 left offset 0.3,0 noenhanced font ',9'
set arrow 4 from 2.5, graph 0 to 2.5, graph 1 nohead dt 2 lw 1.5 lc rgb '#555555' back
set label 6 'W4_poisson x0.21' at 2.5, graph 0.835 left offset 0.3,0 noenhanced font ',9'
set arrow 5 from 2.5, graph 0 to 2.5, graph 1 nohead dt 2 lw 1.5 lc rgb '#555555' back
set label 7 'W5_sweep x0.25' at 2.5, graph 0.79 left offset 0.3,0 noenhanced font ',9'
set arrow 6 from 2.5, graph 0 to 2.5, graph 1 nohead dt 2 lw 1.5 lc rgb '#555555' back
set label 8 'W5_sweep'."\100".'2 x0.28' at 2.5, graph 0.745 left offset 0.3,0 noenhanced font ',9'
plot \
    data index 0 using 1:2:3 with filledcurves lc rgb '#0072B2' notitle, \
    data index 0 using 1:3 with linespoints lw 2 pt 7 ps 0.7 lc rgb '#0072B2' title 'W1_logistic' noenhanced, \
    data index 1 using 1:2:3 with filledcurves lc rgb '#D55E00' notitle, \
    data index 1 using 1:3 with linespoints lw 2 pt 7 ps 0.7 lc rgb '#D55E00' title 'W2_softmax' noenhanced, \
    data index 2 using 1:2:3 with filledcurves lc rgb '#009E73' notitle, \
    data index 2 using 1:3 with linespoints lw 2 pt 7 ps 0.7 lc rgb '#009E73' title 'W3_mlp' noenhanced, \
    data index 3 using 1:2:3 with filledcurves lc rgb '#CC79A7' notitle, \
    data index 3 using 1:3 with linespoints lw 2 pt 7 ps 0.7 lc rgb '#CC79A7' title 'W4_poisson' noenhanced, \
    data index 4 using 1:2:3 with filledcurves lc rgb '#E69F00' notitle, \
    data index 4 using 1:3 with linespoints lw 2 pt 7 ps 0.7 lc rgb '#E69F00' title 'W5_sweep' noenhanced, \
    data index 5 using 1:2:3 with filledcurves lc rgb '#56B4E9' notitle, \
    data index 5 using 1:3 with linespoints lw 2 pt 7 ps 0.7 lc rgb '#56B4E9' title 'W5_sweep'."\100".'2' noenhanced

set terminal svg size 1200,700 dynamic enhanced font 'DejaVu Sans,11'
set output 'plots/bench/throughput.svg'
replot
unset output
