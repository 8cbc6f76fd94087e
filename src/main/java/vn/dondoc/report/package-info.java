/** The progress report in Word that the office sends the Standing Committee each quarter ("Báo cáo tình hình thực hiện …"). */
package vn.dondoc.report;
