/** Vietnam's calendar for deadlines: lunar dates, public holidays, working days and Vietnamese deadline phrases. */
package vn.dondoc.calendar;
